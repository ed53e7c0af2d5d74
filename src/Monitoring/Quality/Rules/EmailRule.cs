using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary><c>email</c>: a well-formed address (<see cref="EmailValidator"/>). Settings: <c>field</c> (email),
/// <c>allow_idn</c> (default true: Unicode domains and local parts). A missing address does not apply.</summary>
public sealed class EmailRule(string field, bool allowIdn) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("email", QualityDimension.Validity, "e-mail '{value}' is malformed: {detail}",
        s => s.Field("field", "email") is { } f ? new EmailRule(f, s.Bool("allow_idn", true)) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Get(field) is not string raw || raw.Length == 0) return null;
        return EmailValidator.Error(raw.Trim(), allowIdn) is { } error ? RuleOutcome.Fail(record, field, raw, error) : Pass(record);
    }
}
