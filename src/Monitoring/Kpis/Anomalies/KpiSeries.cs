namespace Monitoring.Kpis.Anomalies;

/// <summary>Builds the series the anomaly detector reads from the daily facts of a KPI and segment.</summary>
public static class KpiSeries
{
    /// <summary>One point per day from <paramref name="from"/> to <paramref name="to"/>; days where the KPI has no value are left out.</summary>
    /// <param name="inputFor">The input of a period when it needs more than the facts (a stock KPI's stock history).</param>
    public static IReadOnlyList<SeriesPoint> Daily(KpiDefinition kpi, DailyFactsSet facts, SegmentKey segment, DateOnly from, DateOnly to,
        Func<Period, KpiInput>? inputFor = null) =>
        Points(kpi, inputFor ?? (p => facts.Input(p, segment)), new Period(PeriodKind.Day, from, to).EachDay().Select(Period.Day));

    /// <summary>One point per ISO week (dated on its Monday) for the weeks holding <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<SeriesPoint> Weekly(KpiDefinition kpi, DailyFactsSet facts, SegmentKey segment, DateOnly from, DateOnly to,
        Func<Period, KpiInput>? inputFor = null)
    {
        var weeks = new List<Period>();
        for (var week = Period.IsoWeekOf(from); week.Start <= to; week = Period.IsoWeekOf(week.End.AddDays(1))) weeks.Add(week);
        return Points(kpi, inputFor ?? (p => facts.Input(p, segment)), weeks);
    }

    // A ratio carries its denominator so that the detector can ignore thin days; counts and amounts carry none.
    private static List<SeriesPoint> Points(KpiDefinition kpi, Func<Period, KpiInput> inputFor, IEnumerable<Period> periods) =>
        periods.Select(p => (p.Start, Value: kpi.Evaluate(inputFor(p))))
            .Where(x => x.Value.Value is not null)
            .Select(x => new SeriesPoint(x.Start, (double)x.Value.Value!.Value, (double?)x.Value.Denominator))
            .ToList();
}
