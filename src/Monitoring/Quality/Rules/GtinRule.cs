using Monitoring.Quality.Validators;
using static Monitoring.Quality.Validators.GtinValidator;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>gtin</c>: a GS1 GTIN-8/12/13/14 with the right check digit (<see cref="GtinValidator"/>). With
/// <c>reject_restricted</c> (default true) restricted-circulation, refund and coupon prefixes fail; ISSN/ISBN
/// prefixes (977–979) fail unless <c>allow_books</c>. Settings: <c>field</c> (default gtin). A missing GTIN does not
/// apply (use <c>required</c> where a GTIN is mandatory).
/// </summary>
public sealed class GtinRule(string field, bool rejectRestricted, bool allowBooks) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("gtin", QualityDimension.Validity, "GTIN '{value}' is not valid: {detail}",
        s => s.Field("field", "gtin") is { } f ? new GtinRule(f, s.Bool("reject_restricted", true), s.Bool("allow_books", false)) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        var raw = record.Text(field);
        if (Normalise(raw) is not { } gtin) return null;
        if (FormatError(gtin) is { } error) return RuleOutcome.Fail(record, field, raw, error);
        var why = Classify(gtin) switch
        {
            PrefixClass.Restricted when rejectRestricted => "restricted-circulation prefix (in-store or variable-measure number)",
            PrefixClass.Refund when rejectRestricted => "refund-receipt prefix 980",
            PrefixClass.Coupon when rejectRestricted => "coupon prefix",
            PrefixClass.Issn when !allowBooks => "ISSN prefix 977 (periodicals)",
            PrefixClass.Isbn when !allowBooks => "ISBN prefix (books)",
            _ => null,
        };
        return why is null ? Pass(record) : RuleOutcome.Fail(record, field, raw, why);
    }
}
