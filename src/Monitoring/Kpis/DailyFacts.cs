namespace Monitoring.Kpis;

/// <summary>One row of the daily rollup: the sums of one shop-time day for one segment.</summary>
public sealed record DailyFacts(DateOnly Day, SegmentKey Segment, FactSums Sums);

/// <summary>
/// The daily rollup rows in memory, indexed by segment and day, so that any period's sums are a loop over its days.
/// Missing days count as zero (a day without sessions or orders has no row).
/// </summary>
public sealed class DailyFactsSet
{
    private readonly Dictionary<(SegmentKey, DateOnly), FactSums> rows = new();

    /// <summary>Indexes the rows; two rows for the same day and segment are added together.</summary>
    public DailyFactsSet(IEnumerable<DailyFacts> facts)
    {
        foreach (var row in facts)
            rows[(row.Segment, row.Day)] = rows.TryGetValue((row.Segment, row.Day), out var seen) ? seen + row.Sums : row.Sums;
    }

    /// <summary>The segments that have at least one row.</summary>
    public IReadOnlyList<SegmentKey> Segments => rows.Keys.Select(k => k.Item1).Distinct().ToList();

    /// <summary>The sums of one day, zero when there is no row.</summary>
    public FactSums Day(DateOnly day, SegmentKey segment) => rows.GetValueOrDefault((segment, day)) ?? FactSums.Zero;

    /// <summary>The sums of every day of the period for the segment.</summary>
    public FactSums Sum(Period period, SegmentKey segment) => FactSums.Sum(period.EachDay().Select(d => Day(d, segment)));

    /// <summary>The KPI input of the period for the segment, with the optional non-additive inputs.</summary>
    public KpiInput Input(Period period, SegmentKey segment, AccountCounts? accounts = null, StockInput? stock = null) =>
        new(period, segment, Sum(period, segment), accounts, stock);
}
