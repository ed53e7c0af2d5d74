using System.Globalization;
using Dapper;
using Monitoring.Storage;

namespace Monitoring.Kpis;

/// <summary>
/// The managers' view of a period: every KPI that has a value for the whole shop or for one segment, with its previous
/// period, the same period a year earlier, the 13-week trend, the target and a traffic light. Targets come from
/// <c>checks/kpis/targets.yaml</c>; the <c>kpi_targets</c> records imported from the shop fill in for the KPIs the file
/// does not name. The additive KPIs are summed from the daily rollup; the account KPIs (repeat, returning, purchase
/// frequency, attrition) are counted from the accounts' order histories, and the stock KPIs read the stock history
/// (each day's figures, kept by the KPI job), or today's stock for a period ending in the last
/// <see cref="StockFreshDays"/> days that the history does not cover yet.
/// </summary>
public sealed class KpiReport(SqlKpiFactsStore facts, IDbConnectionFactory database, SqlAccountHistories? histories = null,
    SqlStockSnapshots? stock = null, Checks.ActiveChecks? checks = null, TimeProvider? time = null, SqlStockHistory? stockHistory = null)
{
    /// <summary>Today's stock is the end stock of a period that ended at most this many days ago.</summary>
    public const int StockFreshDays = 7;

    /// <summary>The shop's days; UTC for a report built without the checks (some tests and tools).</summary>
    private ShopDays Days => checks is null ? new ShopDays(TimeZoneInfo.Utc) : ShopDays.Of(checks.Current);

    /// <summary>The comparisons of every KPI over <paramref name="period"/> for the whole shop.</summary>
    public Task<IReadOnlyList<KpiComparison>> ForAsync(Period period, CancellationToken cancellationToken) =>
        ForAsync(period, SegmentKey.All, cancellationToken);

    /// <summary>The comparisons of every KPI that applies to <paramref name="segment"/> over <paramref name="period"/>.</summary>
    public async Task<IReadOnlyList<KpiComparison>> ForAsync(Period period, SegmentKey segment, CancellationToken cancellationToken)
    {
        // Enough history for the previous period, the year-earlier one and the 13-week trend.
        var set = new DailyFactsSet(await facts.LoadAsync(period.Start.AddDays(-400), period.End, cancellationToken, segment));
        var targets = await TargetsAsync(cancellationToken);
        var inputFor = await InputsAsync(set, segment, cancellationToken);
        return KpiCatalog.All
            .Where(k => k.AppliesTo(segment))
            .Select(k => KpiComparison.Of(k, period, segment, inputFor, targets))
            .Where(c => c.Current.Value is not null)
            .ToList();
    }

    /// <summary>The segments that have rollup rows in the period, by dimension and value (the whole shop first).</summary>
    public async Task<IReadOnlyList<SegmentKey>> SegmentsAsync(Period period, CancellationToken cancellationToken) =>
        (await facts.SegmentsAsync(period.Start, period.End, cancellationToken)).Where(s => !s.IsAll).Prepend(SegmentKey.All).ToList();

    /// <summary>Every KPI's value over <paramref name="period"/> for the segment (null where it has none), from the rollup alone.</summary>
    public async Task<IReadOnlyList<(string Kpi, decimal? Value)>> ValuesAsync(Period period, CancellationToken cancellationToken,
        SegmentKey? segment = null)
    {
        var key = segment ?? SegmentKey.All;
        var set = new DailyFactsSet(await facts.LoadAsync(period.Start, period.End, cancellationToken, key));
        return KpiCatalog.EvaluateAll(set.Input(period, key)).Select(p => (p.Kpi.Id, p.Value.Value)).ToList();
    }

    /// <summary>
    /// The KPI input of any period for the segment, with the account counts and the stock where they exist; each
    /// period's input is built once (the comparisons of every KPI ask for the same sixteen periods).
    /// </summary>
    private async Task<Func<Period, KpiInput>> InputsAsync(DailyFactsSet set, SegmentKey segment, CancellationToken cancellationToken,
        bool withAccounts = true)
    {
        var cache = new Dictionary<Period, KpiInput>();
        if (checks is null)
            return p => cache.TryGetValue(p, out var input) ? input : cache[p] = set.Input(p, segment);
        var days = ShopDays.Of(checks.Current);
        var today = days.DayOf((time ?? TimeProvider.System).GetUtcNow());

        IReadOnlyList<Churn.AccountHistory>? accounts = null;
        var accountDimensions = Families.CustomerKpis.AttritionRate.Dimensions!;
        if (withAccounts && histories is not null && (segment.IsAll || accountDimensions.Contains(segment.Dimension)))
        {
            var (all, cards) = await histories.LoadAsync(days, cancellationToken);
            accounts = all.Where(h => cards.TryGetValue(h.AccountId, out var card) ? card.IsIn(segment) : segment.IsAll).ToList();
        }
        var stockCuts = segment.IsAll || segment.Dimension == SegmentKey.Category;
        StockFigures? live = null;
        if (stock is not null && stockCuts)
            live = StockFigures.Of(await stock.LoadAsync(today, days, segment.IsAll ? null : segment.Value, StockInput.DefaultDeadAfterDays,
                cancellationToken), StockInput.DefaultDeadAfterDays);
        IReadOnlyDictionary<DateOnly, StockFigures> kept = new Dictionary<DateOnly, StockFigures>();
        if (stockHistory is not null && stockCuts)
            kept = await stockHistory.LoadAsync(segment.IsAll ? SqlStockHistory.AllCategories : segment.Value, today.AddDays(-StockHistoryDays), today,
                cancellationToken);

        return p =>
        {
            if (cache.TryGetValue(p, out var input)) return input;
            var counts = accounts is null ? null : AccountCounts.For(accounts, p);
            return cache[p] = set.Input(p, segment, counts, StockOf(p, today, live, kept));
        };
    }

    /// <summary>How far back the stock history is read: the comparisons reach the same ISO week last year.</summary>
    private const int StockHistoryDays = 400;

    /// <summary>
    /// The stock of a period: its end from the stock history (the end day's reading, or today's for a period not over
    /// yet), else today's live stock for a period that ended in the last <see cref="StockFreshDays"/> days; its start
    /// from the history's reading of the day before it, when kept.
    /// </summary>
    public static StockInput? StockOf(Period period, DateOnly today, StockFigures? live, IReadOnlyDictionary<DateOnly, StockFigures> kept)
    {
        var endDay = period.End < today ? period.End : today;
        var end = kept.GetValueOrDefault(endDay)
                  ?? (live is not null && period.End >= today.AddDays(-StockFreshDays) && period.Start <= today ? live : null);
        return end is null ? null : new StockInput(kept.GetValueOrDefault(period.Start.AddDays(-1)), end);
    }

    /// <summary>The last ISO week that has ended in the shop's time zone.</summary>
    public static Period LastCompleteWeek(DateOnly today) => Period.IsoWeekOf(today).Previous();

    /// <summary>The one KPI over <paramref name="period"/> for <paramref name="segment"/>, against its past and its target.</summary>
    public async Task<KpiComparison> ComparisonAsync(KpiDefinition kpi, Period period, SegmentKey segment, CancellationToken cancellationToken)
    {
        var set = new DailyFactsSet(await facts.LoadAsync(period.Start.AddDays(-400), period.End, cancellationToken));
        return KpiComparison.Of(kpi, period, segment, p => set.Input(p, segment), await TargetsAsync(cancellationToken));
    }

    /// <summary>
    /// The 13 ISO weeks ending with <paramref name="week"/> and the weekly target of its last week: what the trend chart
    /// draws. Reads only those weeks' rows, because a page asks for one per KPI.
    /// </summary>
    public async Task<(IReadOnlyList<TrendPoint> Trend, KpiTarget? Target)> TrendAsync(KpiDefinition kpi, Period week, SegmentKey segment,
        CancellationToken cancellationToken)
    {
        var weeks = Period.IsoWeekOf(week.End).Trailing(KpiComparison.TrendWeeks);
        var set = new DailyFactsSet(await facts.LoadAsync(weeks[0].Start, weeks[^1].End, cancellationToken));
        // A stock KPI's weeks end on days of the stock history; the account histories are left out (one trend per KPI on a page).
        var inputFor = Families.StockKpis.All.Contains(kpi)
            ? await InputsAsync(set, segment, cancellationToken, withAccounts: false)
            : p => set.Input(p, segment);
        var trend = weeks.Select(w => new TrendPoint(w, kpi.Evaluate(inputFor(w)).Value)).ToList();
        return (trend, KpiTarget.Find(await TargetsAsync(cancellationToken), kpi.Id, segment, weeks[^1]));
    }

    /// <summary>The KPI's daily values over the 8 weeks ending on <paramref name="lastDay"/> and weekly ones over 53 weeks, with their anomalies.</summary>
    public async Task<KpiHistory> HistoryAsync(KpiDefinition kpi, DateOnly lastDay, SegmentKey segment, CancellationToken cancellationToken)
    {
        var set = new DailyFactsSet(await facts.LoadAsync(KpiHistory.LoadFrom(lastDay), Period.IsoWeekOf(lastDay).End, cancellationToken));
        var inputFor = Families.StockKpis.All.Contains(kpi) ? await InputsAsync(set, segment, cancellationToken, withAccounts: false) : null;
        return KpiHistory.Of(kpi, segment, lastDay, set,
            KpiHistory.CalendarFor(checks?.Current.KpiCalendar ?? Calendar.CalendarDefinition.Default, Days.Zone, lastDay), inputFor: inputFor);
    }

    /// <summary>The daily rollup rows from <paramref name="from"/> to <paramref name="to"/>, indexed.</summary>
    public async Task<DailyFactsSet> FactsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        new(await facts.LoadAsync(from, to, cancellationToken));

    /// <summary>The targets in force: those of <c>checks/kpis/targets.yaml</c>, then the imported ones for the KPIs it does not name.</summary>
    public async Task<IReadOnlyList<KpiTarget>> TargetsAsync(CancellationToken cancellationToken) =>
        Combine(checks?.Current.KpiTargets ?? [], await ImportedTargetsAsync(cancellationToken));

    /// <summary>
    /// The file wins over the imports KPI by KPI: once the file names a KPI, every imported target of that KPI is
    /// ignored, so that a target deleted from the file cannot come back from an old import.
    /// </summary>
    public static IReadOnlyList<KpiTarget> Combine(IReadOnlyList<KpiTarget> fromFile, IEnumerable<KpiTarget> imported)
    {
        var named = fromFile.Select(t => t.Kpi).ToHashSet(StringComparer.Ordinal);
        return [.. fromFile, .. imported.Where(t => !named.Contains(t.Kpi))];
    }

    private async Task<IReadOnlyList<KpiTarget>> ImportedTargetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kpi, string Segment, string Period, object Target, object? Deadline, string? Owner)>(
            new CommandDefinition("SELECT kpi, segment, period, target, deadline, owner FROM kpi_targets WHERE target IS NOT NULL",
                cancellationToken: cancellationToken));
        return rows.Select(r => new KpiTarget(r.Kpi,
            r.Segment is "*" or "" ? SegmentKey.All : new SegmentKey(SegmentKey.AccountSegment, r.Segment), r.Period,
            Convert.ToDecimal(r.Target, CultureInfo.InvariantCulture), Deadline(r.Deadline), r.Owner, null)).ToList();
    }

    private static DateOnly? Deadline(object? value) => value switch
    {
        null or DBNull => null,
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        string text when DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var day) => day,
        _ => null,
    };

    /// <summary>A KPI value as people read it: a percentage, an amount, a count or days.</summary>
    public static string Format(KpiDefinition kpi, decimal? value) => value is not { } v ? "–" : kpi.Unit switch
    {
        KpiUnit.Ratio => v.ToString("P1", CultureInfo.InvariantCulture),
        KpiUnit.Money => v.ToString("N0", CultureInfo.InvariantCulture) + " €",
        KpiUnit.Days => v.ToString("N1", CultureInfo.InvariantCulture) + " d",
        // A whole count reads as one (8 orders, not 8.00); a mean such as orders per account keeps its decimals.
        KpiUnit.Count when v == decimal.Truncate(v) => v.ToString("N0", CultureInfo.InvariantCulture),
        _ => v.ToString(Math.Abs(v) >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture),
    };

    /// <summary>A relative change as a signed percentage.</summary>
    public static string Change(KpiChange change) =>
        change.Relative is { } r ? (r >= 0 ? "+" : "") + r.ToString("P1", CultureInfo.InvariantCulture) : "–";
}
