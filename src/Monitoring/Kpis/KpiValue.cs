namespace Monitoring.Kpis;

/// <summary>
/// A KPI's result: the value and the numerator and denominator it came from (a ratio of 3 ÷ 4 reads differently from
/// 300 ÷ 400). Value is null when it cannot be computed (no denominator, no input); <see cref="Note"/> says why.
/// Counts and amounts have no denominator.
/// </summary>
public sealed record KpiValue(decimal? Value, decimal? Numerator, decimal? Denominator, string? Note = null)
{
    /// <summary>numerator ÷ denominator, or no value when the denominator is zero.</summary>
    public static KpiValue Ratio(decimal numerator, decimal denominator) =>
        denominator == 0 ? new KpiValue(null, numerator, denominator, "no denominator") : new KpiValue(numerator / denominator, numerator, denominator);

    /// <summary>A count or amount, which is its own numerator.</summary>
    public static KpiValue Of(decimal value) => new(value, value, null);

    /// <summary>No value, with the reason.</summary>
    public static KpiValue Missing(string reason) => new(null, null, null, reason);
}
