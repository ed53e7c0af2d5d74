namespace Monitoring.Kpis;

/// <summary>The change from one value to another: absolute (points for ratios) and relative (null when the base is zero or missing).</summary>
public sealed record KpiChange(decimal? Absolute, decimal? Relative)
{
    /// <summary>current − previous, and that ÷ |previous|.</summary>
    public static KpiChange Between(decimal? current, decimal? previous) =>
        current is { } c && previous is { } p ? new KpiChange(c - p, p == 0 ? null : (c - p) / Math.Abs(p)) : new KpiChange(null, null);
}

/// <summary>One point of a trend line.</summary>
public sealed record TrendPoint(Period Period, decimal? Value);

/// <summary>
/// A KPI for a period and segment with everything the page and the weekly report show beside it (R-KPI-04, R-KPI-06,
/// R-KPI-15): the previous period, the same period a year earlier, a 13-week trend, the target and its light.
/// </summary>
public sealed record KpiComparison(
    KpiDefinition Kpi,
    Period Period,
    SegmentKey Segment,
    KpiValue Current,
    KpiValue Previous,
    KpiChange ChangeOnPrevious,
    KpiValue YearEarlier,
    KpiChange ChangeOnYearEarlier,
    IReadOnlyList<TrendPoint> Trend,
    KpiTarget? Target,
    Light Light)
{
    /// <summary>How many ISO weeks the trend line holds.</summary>
    public const int TrendWeeks = 13;

    /// <summary>
    /// Compares the KPI over the period with its previous period, the same period a year earlier (the same ISO week for
    /// a week) and the target, and adds the 13 ISO weeks ending with the week that holds the period's last day.
    /// <paramref name="inputFor"/> gives the KPI input of any period for the segment (see <see cref="DailyFactsSet.Input"/>).
    /// </summary>
    public static KpiComparison Of(KpiDefinition kpi, Period period, SegmentKey segment, Func<Period, KpiInput> inputFor,
        IEnumerable<KpiTarget> targets, decimal tolerance = TrafficLight.DefaultTolerance)
    {
        var current = kpi.Evaluate(inputFor(period));
        var previous = kpi.Evaluate(inputFor(period.Previous()));
        var yearEarlier = kpi.Evaluate(inputFor(period.YearEarlier()));
        var trend = Period.IsoWeekOf(period.End).Trailing(TrendWeeks)
            .Select(week => new TrendPoint(week, kpi.Evaluate(inputFor(week)).Value)).ToList();
        var target = KpiTarget.Find(targets, kpi.Id, segment, period);
        var light = TrafficLight.Judge(kpi.HigherIsBetter, current.Value, target?.Target, previous.Value, tolerance);
        return new KpiComparison(kpi, period, segment, current, previous, KpiChange.Between(current.Value, previous.Value),
            yearEarlier, KpiChange.Between(current.Value, yearEarlier.Value), trend, target, light);
    }
}
