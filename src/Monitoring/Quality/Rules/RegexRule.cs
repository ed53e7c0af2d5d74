using System.Text.RegularExpressions;

namespace Monitoring.Quality.Rules;

/// <summary><c>regex</c>: a text matches <c>pattern</c> (.NET syntax, anchored only if the pattern says so;
/// <c>ignore_case</c>). A missing value does not apply. The pattern runs on the non-backtracking engine (linear
/// time); one it does not support (backreferences, lookarounds) runs with a 100 ms timeout, and a match taking longer
/// fails the record.</summary>
public sealed class RegexRule(string field, Regex pattern) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("regex", QualityDimension.Validity, "{field} '{value}' does not have the expected format",
        s => s.Field("field") is { } f && s.Pattern("pattern", s.Bool("ignore_case", false)) is { } p ? new RegexRule(f, p) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } text) return null;
        return pattern.IsMatch(text) ? Pass(record) : RuleOutcome.Fail(record, field, text, $"does not match {pattern}");
    }
}
