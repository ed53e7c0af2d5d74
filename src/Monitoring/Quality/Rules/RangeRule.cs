using System.Globalization;

namespace Monitoring.Quality.Rules;

/// <summary><c>range</c>: a number is within bounds: <c>min</c> / <c>max</c> (inclusive), <c>greater_than</c> /
/// <c>less_than</c> (exclusive). A missing value does not apply (use <c>required</c>).</summary>
public sealed class RangeRule(string field, decimal? min, decimal? max, decimal? greaterThan, decimal? lessThan) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("range", QualityDimension.Validity, "{field} {value} is {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Get(field) is null) return null;
        if (record.Number(field) is not { } value) return RuleOutcome.Fail(record, field, record.Get(field), "not a number");
        string? why = value switch
        {
            _ when min is { } m && value < m => $"below the minimum {Show(m)}",
            _ when max is { } m && value > m => $"above the maximum {Show(m)}",
            _ when greaterThan is { } g && value <= g => $"not above {Show(g)}",
            _ when lessThan is { } l && value >= l => $"not below {Show(l)}",
            _ => null,
        };
        return why is null ? Pass(record) : RuleOutcome.Fail(record, field, value, why);
    }

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static IQualityRule? Read(RuleSettings s)
    {
        var field = s.Field("field");
        var (min, max, gt, lt) = (s.Decimal("min"), s.Decimal("max"), s.Decimal("greater_than"), s.Decimal("less_than"));
        if (min is null && max is null && gt is null && lt is null)
        {
            s.Node.Error("set at least one of min, max, greater_than, less_than");
            return null;
        }
        return field is null ? null : new RangeRule(field, min, max, gt, lt);
    }
}
