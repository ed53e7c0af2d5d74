using Monitoring.Kpis.Anomalies;

namespace Monitoring.Kpis;

/// <summary>
/// A KPI's recent history for its page: its value per day over the last 8 weeks and per ISO week over the last 53,
/// each with the points the same-weekday detector flags (R-KPI-15). The detector reads further back than the window
/// shown, so that the first days shown are judged against a full baseline like the last ones.
/// </summary>
public sealed record KpiHistory(
    KpiDefinition Kpi,
    SegmentKey Segment,
    IReadOnlyList<SeriesPoint> Daily,
    IReadOnlyList<Anomaly> DailyAnomalies,
    IReadOnlyList<SeriesPoint> Weekly,
    IReadOnlyList<Anomaly> WeeklyAnomalies)
{
    /// <summary>How many weeks of daily values are shown.</summary>
    public const int DailyWeeks = 8;

    /// <summary>How many ISO weeks of weekly values are shown: a year and the same week a year earlier.</summary>
    public const int WeeklyWeeks = 53;

    /// <summary>The first day shown per day, when the last is <paramref name="lastDay"/>.</summary>
    public static DateOnly FirstDay(DateOnly lastDay) => lastDay.AddDays(-7 * DailyWeeks + 1);

    /// <summary>The Monday of the first week shown per week, when the last week holds <paramref name="lastDay"/>.</summary>
    public static DateOnly FirstWeek(DateOnly lastDay) => Period.IsoWeekOf(lastDay).Trailing(WeeklyWeeks)[0].Start;

    /// <summary>The first day of the rollup the history needs: the weekly window and the baseline before it.</summary>
    public static DateOnly LoadFrom(DateOnly lastDay, AnomalySettings? settings = null) =>
        FirstWeek(lastDay).AddDays(-7 * 2 * (settings ?? new AnomalySettings()).BaselinePoints);

    /// <summary>
    /// The history ending on <paramref name="lastDay"/> (the daily values) and in its ISO week (the weekly ones), from
    /// rollup rows that reach back to <see cref="LoadFrom"/>.
    /// </summary>
    public static KpiHistory Of(KpiDefinition kpi, SegmentKey segment, DateOnly lastDay, DailyFactsSet facts, BusinessCalendar calendar,
        AnomalySettings? settings = null, Func<Period, KpiInput>? inputFor = null)
    {
        var from = LoadFrom(lastDay, settings);
        var weekEnd = Period.IsoWeekOf(lastDay).End;
        var daily = KpiSeries.Daily(kpi, facts, segment, from, lastDay, inputFor);
        var weekly = KpiSeries.Weekly(kpi, facts, segment, from, weekEnd, inputFor);
        var (firstDay, firstWeek) = (FirstDay(lastDay), FirstWeek(lastDay));
        return new KpiHistory(kpi, segment,
            daily.Where(p => p.Day >= firstDay).ToList(),
            AnomalyDetector.Detect(daily, SeriesGrain.Day, calendar, settings).Where(a => a.Day >= firstDay).ToList(),
            weekly.Where(p => p.Day >= firstWeek).ToList(),
            AnomalyDetector.Detect(weekly, SeriesGrain.Week, calendar, settings).Where(a => a.Day >= firstWeek).ToList());
    }

    /// <summary>
    /// The holidays and peak days the detector leaves out over the two years before <paramref name="lastDay"/>'s: the
    /// calendar <c>checks/kpis/calendar.yaml</c> declares (by default the holidays of the time zone's country and the
    /// built-in peaks).
    /// </summary>
    public static BusinessCalendar CalendarFor(Calendar.CalendarDefinition calendar, TimeZoneInfo zone, DateOnly lastDay) =>
        calendar.Build(zone.Id, lastDay.Year - 2, lastDay.Year);
}
