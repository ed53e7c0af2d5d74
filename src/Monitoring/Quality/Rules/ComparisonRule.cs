using System.Globalization;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>comparison</c>: two fields of a record compare as stated: <c>left</c> <c>op</c> <c>right</c> × factor, where
/// the factor is <c>factor</c> (default 1) or <c>1 + margin_floor</c>, e.g. <c>list_price &gt;= unit_cost × 1.10</c>.
/// Numbers compare as decimals, timestamps and dates as instants (no factor then). A record missing either side
/// does not apply.
/// </summary>
public sealed class ComparisonRule(string left, string op, string right, decimal factor) : RecordRule
{
    private static readonly string[] Operators = ["<", "<=", ">", ">=", "==", "!="];

    public static QualityRuleKind Kind { get; } = new("comparison", QualityDimension.Consistency, "{field} {value}: {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Get(left) is null || record.Get(right) is null) return null;
        int order;
        // What the right side is shown as, formatted only for a failure: nearly every record passes.
        decimal? rightNumber = null, target = null;
        DateTimeOffset? rightInstant = null;
        if (record.Number(left) is { } l && record.Number(right) is { } r)
        {
            rightNumber = r;
            target = r * factor;
            order = l.CompareTo(target.Value);
        }
        else if (record.Instant(left) is { } lt && record.Instant(right) is { } rt)
        {
            rightInstant = rt;
            order = lt.CompareTo(rt);
        }
        else return RuleOutcome.Fail(record, left, record.Get(left), $"cannot compare with {right}");

        var holds = op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            "==" => order == 0,
            _ => order != 0,
        };
        if (holds) return Pass(record);
        var shownRight = rightNumber is { } shown
            ? factor == 1 ? $"{right} {Show(shown)}" : $"{right} {Show(shown)} × {Show(factor)} = {Show(Math.Round(target!.Value, 4))}"
            : $"{right} {QualityRecord.AsText(rightInstant)}";
        return RuleOutcome.Fail(record, left, record.Get(left), $"expected {left} {op} {shownRight}");
    }

    private static string Show(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    private static IQualityRule? Read(RuleSettings s)
    {
        var left = s.Field("left");
        var right = s.Field("right");
        var op = s.Node.RequiredString("op");
        if (op is not null && !Operators.Contains(op))
        {
            s.Node.Child("op")!.Error($"'{op}' is not an operator (known: {string.Join(" ", Operators)})");
            op = null;
        }
        var factor = s.Decimal("factor");
        var margin = s.Decimal("margin_floor");
        if (factor is not null && margin is not null)
        {
            s.Node.Child("margin_floor")!.Error("set factor or margin_floor, not both");
            return null;
        }
        return left is null || right is null || op is null ? null : new ComparisonRule(left, op, right, factor ?? 1 + (margin ?? 0));
    }
}
