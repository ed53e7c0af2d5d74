namespace Monitoring.Quality.Rules;

/// <summary><c>allowed_values</c>: a value is one of <c>values</c> (compared case-insensitively unless
/// <c>ignore_case: false</c>). A missing value does not apply.</summary>
public sealed class AllowedValuesRule(string field, IReadOnlySet<string> values) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("allowed_values", QualityDimension.Validity, "{field} '{value}' is not an allowed value", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } text) return null;
        return values.Contains(text.Trim())
            ? Pass(record)
            : RuleOutcome.Fail(record, field, text, $"allowed: {string.Join(", ", values)}");
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var field = s.Field("field");
        var values = s.Strings("values");
        if (values.Count == 0) s.Node.RequiredChild("values");
        var comparer = s.Bool("ignore_case", true) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        return field is null || values.Count == 0 ? null : new AllowedValuesRule(field, values.ToHashSet(comparer));
    }
}
