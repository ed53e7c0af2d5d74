namespace Monitoring.Kpis;

/// <summary>
/// A KPI's objective (R-KPI-01): for a segment and a period, the value to reach, by when, who owns it, and the
/// corrective instruction when it is missed (R-KPI-02's "consigne de réajustement").
/// </summary>
/// <param name="Period">A period label (<c>2026-W48</c>, <c>2026-11</c>) for that period only, or a kind
/// (<c>day</c>, <c>week</c>, <c>month</c>, <c>rolling12</c>) for every period of that kind up to the deadline.</param>
public sealed record KpiTarget(string Kpi, SegmentKey Segment, string Period, decimal Target, DateOnly? Deadline, string? Owner, string? Note)
{
    private static readonly Dictionary<string, PeriodKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = PeriodKind.Day, ["week"] = PeriodKind.IsoWeek, ["month"] = PeriodKind.Month, ["rolling12"] = PeriodKind.Rolling12Months,
    };

    /// <summary>True when the target is the objective of that KPI, segment and period.</summary>
    public bool Covers(string kpi, SegmentKey segment, Period period)
    {
        if (Kpi != kpi || Segment != segment) return false;
        if (Kinds.TryGetValue(Period, out var kind))
            return kind == period.Kind && (Deadline is null || period.Start <= Deadline);
        return Period == period.Label;
    }

    /// <summary>The target for the KPI, segment and period: one written for that very period wins over a recurring one.</summary>
    public static KpiTarget? Find(IEnumerable<KpiTarget> targets, string kpi, SegmentKey segment, Period period) =>
        targets.Where(t => t.Covers(kpi, segment, period)).OrderBy(t => t.Period == period.Label ? 0 : 1).FirstOrDefault();
}
