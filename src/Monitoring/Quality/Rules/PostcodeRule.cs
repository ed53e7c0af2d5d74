using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary><c>postcode</c>: the postcode fits its country's format (<see cref="PostcodeValidator"/>: FR BE DE ES IT
/// NL LU PT AT IE PL, and a generic pattern elsewhere). Settings: <c>field</c> (postcode), <c>country_field</c>
/// (country). A missing postcode does not apply.</summary>
public sealed class PostcodeRule(string field, string countryField) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("postcode", QualityDimension.Validity, "postcode '{value}': {detail}",
        s => s.Field("field", "postcode") is { } f && s.Field("country_field", "country") is { } c ? new PostcodeRule(f, c) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } postcode) return null;
        return PostcodeValidator.Error(postcode, record.Text(countryField)?.Trim()) is { } error
            ? RuleOutcome.Fail(record, field, postcode, error)
            : Pass(record);
    }
}
