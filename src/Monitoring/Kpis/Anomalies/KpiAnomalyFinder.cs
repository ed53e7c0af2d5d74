using Monitoring.Checks;
using Monitoring.Storage;

namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// Runs the <see cref="AnomalyDetector"/> on every KPI's daily and weekly series from the daily rollup (R-KPI-15): the
/// whole shop, complete days and ISO weeks only (the caller passes a period that has ended), thin points left to the
/// detector's minimum-denominator rule, holidays and peaks to the business calendar.
/// </summary>
public sealed class KpiAnomalyFinder(SqlKpiFactsStore facts, ActiveChecks checks, SqlStockHistory? stockHistory = null)
{
    /// <summary>How the detector judges; the defaults are Iglewicz and Hoaglin's (see <see cref="AnomalySettings"/>).</summary>
    public AnomalySettings Settings { get; init; } = new();

    /// <summary>The anomalies of a complete day or ISO week, read from the rollup.</summary>
    public async Task<KpiAnomalyScan> ScanAsync(Period period, CancellationToken cancellationToken)
    {
        var from = HistoryStart(period, Settings);
        var set = new DailyFactsSet(await facts.LoadAsync(from, period.End, cancellationToken));
        var calendar = checks.Current.KpiCalendar.Build(checks.Current.Settings.TimeZone, from.Year, period.End.Year);
        return Scan(set, period, calendar, Settings, await StockAsync(from, period.End, cancellationToken));
    }

    /// <summary>
    /// The anomalies inside a complete week or month, read from the rollup once: each day's, then each ISO week's that
    /// ends in it (for a week, the week itself).
    /// </summary>
    public async Task<IReadOnlyList<KpiAnomaly>> WithinAsync(Period period, CancellationToken cancellationToken)
    {
        var firstWeek = Period.IsoWeekOf(period.Start);
        var from = HistoryStart(firstWeek, Settings);
        var set = new DailyFactsSet(await facts.LoadAsync(from, period.End, cancellationToken));
        var calendar = checks.Current.KpiCalendar.Build(checks.Current.Settings.TimeZone, from.Year, period.End.Year);
        var stock = await StockAsync(from, period.End, cancellationToken);
        var found = period.EachDay().SelectMany(d => Scan(set, Period.Day(d), calendar, Settings, stock).Anomalies).ToList();
        for (var week = firstWeek; week.Start <= period.End; week = Period.IsoWeekOf(week.End.AddDays(1)))
            if (period.Contains(week.End)) found.AddRange(Scan(set, week, calendar, Settings, stock).Anomalies);
        return found;
    }

    /// <summary>The whole shop's stock history over the days a scan reads (the stock KPIs' series), or none without a store.</summary>
    private async Task<IReadOnlyDictionary<DateOnly, StockFigures>?> StockAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        stockHistory is null ? null : await stockHistory.LoadAsync(SqlStockHistory.AllCategories, from.AddDays(-1), to, cancellationToken);

    /// <summary>
    /// Judges every KPI of the catalogue over <paramref name="period"/> (a day, or an ISO week) against its earlier
    /// same-weekday days or earlier weeks in <paramref name="facts"/>.
    /// </summary>
    /// <param name="stock">The stock history by day, for the stock KPIs' series; without it they are not judged.</param>
    public static KpiAnomalyScan Scan(DailyFactsSet facts, Period period, BusinessCalendar calendar, AnomalySettings settings,
        IReadOnlyDictionary<DateOnly, StockFigures>? stock = null)
    {
        if (period.Kind is not (PeriodKind.Day or PeriodKind.IsoWeek))
            throw new ArgumentException($"anomalies are found per day or ISO week, not per {period.Kind}", nameof(period));
        var grain = period.Kind == PeriodKind.Day ? SeriesGrain.Day : SeriesGrain.Week;
        var from = HistoryStart(period, settings);
        var judged = new List<string>();
        var anomalies = new List<KpiAnomaly>();
        foreach (var kpi in KpiCatalog.All)
        {
            // Complete periods only, so a period's stock is the history's reading of its last day (no live stock).
            Func<Period, KpiInput>? inputFor = stock is not null && Families.StockKpis.All.Contains(kpi)
                ? p => facts.Input(p, SegmentKey.All, stock: KpiReport.StockOf(p, DateOnly.MaxValue, null, stock))
                : null;
            var series = grain == SeriesGrain.Day
                ? KpiSeries.Daily(kpi, facts, SegmentKey.All, from, period.Start, inputFor)
                : KpiSeries.Weekly(kpi, facts, SegmentKey.All, from, period.Start, inputFor);
            var byDay = series.ToDictionary(p => p.Day);
            if (!byDay.TryGetValue(period.Start, out var point)) continue;
            judged.Add(kpi.Id);
            if (AnomalyDetector.Judge(point, byDay, grain, calendar, settings) is { } anomaly)
                anomalies.Add(new KpiAnomaly(kpi, period, anomaly, series, settings.Threshold, point.Denominator));
        }
        return new KpiAnomalyScan(period, judged, anomalies);
    }

    /// <summary>The first day the baseline may reach: the detector looks back at most twice its baseline points.</summary>
    public static DateOnly HistoryStart(Period period, AnomalySettings settings) => period.Start.AddDays(-7 * 2 * settings.BaselinePoints);
}
