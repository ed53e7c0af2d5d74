namespace Monitoring.Kpis.Anomalies;

/// <summary>Builds the series the anomaly detector reads from the daily facts of a KPI and segment.</summary>
public static class KpiSeries
{
    /// <summary>One point per day from <paramref name="from"/> to <paramref name="to"/>; days where the KPI has no value are left out.</summary>
    public static IReadOnlyList<SeriesPoint> Daily(KpiDefinition kpi, DailyFactsSet facts, SegmentKey segment, DateOnly from, DateOnly to) =>
        Points(kpi, facts, segment, new Period(PeriodKind.Day, from, to).EachDay().Select(Period.Day));

    /// <summary>One point per ISO week (dated on its Monday) for the weeks holding <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<SeriesPoint> Weekly(KpiDefinition kpi, DailyFactsSet facts, SegmentKey segment, DateOnly from, DateOnly to)
    {
        var weeks = new List<Period>();
        for (var week = Period.IsoWeekOf(from); week.Start <= to; week = Period.IsoWeekOf(week.End.AddDays(1))) weeks.Add(week);
        return Points(kpi, facts, segment, weeks);
    }

    // A ratio carries its denominator so that the detector can ignore thin days; counts and amounts carry none.
    private static List<SeriesPoint> Points(KpiDefinition kpi, DailyFactsSet facts, SegmentKey segment, IEnumerable<Period> periods) =>
        periods.Select(p => (p.Start, Value: kpi.Evaluate(facts.Input(p, segment))))
            .Where(x => x.Value.Value is not null)
            .Select(x => new SeriesPoint(x.Start, (double)x.Value.Value!.Value, (double?)x.Value.Denominator))
            .ToList();
}
