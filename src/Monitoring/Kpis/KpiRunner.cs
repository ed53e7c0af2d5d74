using System.Diagnostics;
using Microsoft.Extensions.Options;
using Monitoring.Checks;
using Monitoring.Shop.Sources;
using Monitoring.Storage;

namespace Monitoring.Kpis;

/// <summary>
/// Keeps the daily rollup current: recomputes only the days whose data changed since the last run (every row an
/// import inserts or changes gets a new <c>changed_at</c>, indexed in every table the rollup reads, so a late
/// cancellation, return or delivery marks the day it counts on), plus, within a restatement window, the days of the
/// orders of accounts whose segment or channel may have changed; or every day of the shop's history on demand. KPIs
/// are then sums over these rows (see <see cref="KpiReport"/>).
/// </summary>
public sealed class KpiRunner(SqlKpiRollup rollup, SqlKpiFactsStore facts, IWatermarkStore watermarks, ActiveChecks checks,
    IDbConnectionFactory database, TimeProvider time, ILogger<KpiRunner> logger, KpiReport? report = null,
    Metrics.MonitoringMetrics? metrics = null, IOptions<KpiRunnerOptions>? options = null)
{
    /// <summary>
    /// How far back an updated account restates the days of its orders (its segment or acquisition channel cuts them).
    /// Late cancellations, returns and deliveries need no window: they change rows, which marks their days.
    /// </summary>
    public int RestatementDays { get; init; } = 35;

    /// <summary>
    /// Changes are looked for from this long before the last run's start: an import stamps changed_at when its batch
    /// starts and may commit after the run read, so the next run looks back over it. Recomputing a day twice is harmless.
    /// </summary>
    public TimeSpan ChangeOverlap { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// At most this many consecutive days per rollup call: each call reads every table once for its days, so fewer,
    /// longer calls are faster (one scan instead of one index probe per day), and this bounds the memory of one call.
    /// <c>Monitoring:Kpis:DaysPerCall</c> (see <see cref="KpiRunnerOptions"/>).
    /// </summary>
    public int ChunkDays { get; init; } = (options?.Value ?? new KpiRunnerOptions()).DaysPerCall;

    private const string WatermarkSource = "kpis", WatermarkEntity = "daily_facts";

    public ShopDays Days => ShopDays.Of(checks.Current);

    /// <summary>Recomputes what changed (or everything) and returns how many days were computed.</summary>
    public async Task<int> RunAsync(bool recomputeAll, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow();
        var days = Days;
        var today = days.DayOf(started);
        var last = await watermarks.GetAsync(WatermarkSource, WatermarkEntity, cancellationToken);
        var historyStart = await FirstDayAsync(days, today, cancellationToken);
        // Both kinds of run keep to the history's days: an account opened years before the first order changes no day
        // a full recompute would compute, so an incremental run does not compute it either.
        var toCompute = recomputeAll || last is null
            ? Enumerable.Range(0, today.DayNumber - historyStart.DayNumber + 1).Select(historyStart.AddDays).ToList()
            : (await ChangedDaysAsync(DateTimeOffset.Parse(last) - ChangeOverlap, days, today.AddDays(-RestatementDays), cancellationToken))
                .Where(d => d >= historyStart && d <= today).Order().ToList();

        var done = 0;
        foreach (var batch in Batches(Runs(toCompute, ChunkDays), ChunkDays))
        {
            var step = Stopwatch.StartNew();
            var computed = await rollup.ComputeAsync(batch, days, cancellationToken);
            var computeSeconds = step.Elapsed.TotalSeconds;
            await facts.ReplaceAsync(batch, computed, cancellationToken);
            var (firstDay, lastDay) = (batch[0].First, batch[^1].Last);
            logger.LogDebug("KPIs {First} to {Last} ({Runs} run(s) of days): computed in {Compute:0.00} s, {Rows} rows written in {Write:0.00} s",
                firstDay, lastDay, batch.Count, computeSeconds, computed.Count, step.Elapsed.TotalSeconds - computeSeconds);
            done += batch.Sum(r => r.Last.DayNumber - r.First.DayNumber + 1);
            progress?.Report($"{firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}: {done:N0} of {toCompute.Count:N0} days");
        }
        // The watermark is the start of this run: rows changed while it ran are picked up by the next one.
        await watermarks.SetAsync(WatermarkSource, WatermarkEntity, started.ToString("O"), cancellationToken);
        logger.LogInformation("KPIs: {Days} day(s) recomputed in {Seconds:0.0} s", toCompute.Count, clock.Elapsed.TotalSeconds);
        if (report is not null && metrics is not null) await PublishAsync(report, metrics, today, cancellationToken);
        return toCompute.Count;
    }

    /// <summary>
    /// Publishes yesterday's and last week's values as gauges for the whole shop and each account segment only: those
    /// are few (a handful of typologies) where channels, countries and categories can be many, and every value is one
    /// series per KPI (DESIGN.md decision 6). The other segments are on the /kpis page.
    /// </summary>
    private static async Task PublishAsync(KpiReport report, Metrics.MonitoringMetrics metrics, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var (label, period) in new[] { ("day", Period.Day(today.AddDays(-1))), ("week", KpiReport.LastCompleteWeek(today)) })
        {
            var segments = (await report.SegmentsAsync(period, cancellationToken))
                .Where(s => s.IsAll || s.Dimension == SegmentKey.AccountSegment).Take(MaxPublishedSegments + 1);
            foreach (var segment in segments)
                metrics.RecordKpis(label, segment.ToString(), await report.ValuesAsync(period, cancellationToken, segment));
        }
    }

    /// <summary>At most this many account segments are published as metric labels (the rest stay on the page).</summary>
    public const int MaxPublishedSegments = 20;

    /// <summary>The days as runs of consecutive days, each at most <paramref name="longest"/> days long.</summary>
    public static IEnumerable<(DateOnly First, DateOnly Last)> Runs(IReadOnlyList<DateOnly> sortedDays, int longest)
    {
        for (var i = 0; i < sortedDays.Count;)
        {
            var j = i;
            while (j + 1 < sortedDays.Count && sortedDays[j + 1].DayNumber == sortedDays[j].DayNumber + 1 && j + 1 - i < longest) j++;
            yield return (sortedDays[i], sortedDays[j]);
            i = j + 1;
        }
    }

    /// <summary>
    /// The runs in order, grouped so that each group holds at most <paramref name="maxDays"/> days and
    /// <paramref name="maxRuns"/> runs: one rollup call per group, so the incremental run's scattered changed days are
    /// computed together (each table read once). Each run is one OR'd range and four parameters in every query of the
    /// call, hence the cap on runs.
    /// </summary>
    public static IEnumerable<IReadOnlyList<(DateOnly First, DateOnly Last)>> Batches(IEnumerable<(DateOnly First, DateOnly Last)> runs, int maxDays,
        int maxRuns = MaxRunsPerCall)
    {
        var batch = new List<(DateOnly First, DateOnly Last)>();
        var batchDays = 0;
        foreach (var run in runs)
        {
            var length = run.Last.DayNumber - run.First.DayNumber + 1;
            if (batch.Count > 0 && (batchDays + length > maxDays || batch.Count == maxRuns))
            {
                yield return batch;
                (batch, batchDays) = ([], 0);
            }
            batch.Add(run);
            batchDays += length;
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>At most this many runs of days in one rollup call (see <see cref="Batches"/>).</summary>
    public const int MaxRunsPerCall = 100;

    /// <summary>The shop's first day: that of its first order or session (today when it has neither).</summary>
    private async Task<DateOnly> FirstDayAsync(ShopDays days, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(placed_at) FROM orders UNION ALL SELECT min(started_at) FROM sessions";
        var first = today;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                if (!reader.IsDBNull(0) && days.DayOf(database.Dialect.ReadTimestamp(reader.GetValue(0))) is var day && day < first)
                    first = day;
        return first;
    }

    /// <summary>
    /// The shop days of the rows inserted or changed since <paramref name="since"/> in every table the rollup reads
    /// (each by the timestamp it is counted on; an order line by its order's), and the days from
    /// <paramref name="windowStart"/> on of the orders of accounts updated since then. Each query reads the changed
    /// rows through their changed_at index, so a run after a day of imports reads that day's rows, not the history.
    /// </summary>
    private async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, ShopDays days, DateOnly windowStart,
        CancellationToken cancellationToken)
    {
        var changed = new HashSet<DateOnly>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var sql in new[]
                 {
                     "SELECT placed_at FROM orders WHERE changed_at >= @Since",
                     "SELECT o.placed_at FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.changed_at >= @Since",
                     "SELECT started_at FROM sessions WHERE changed_at >= @Since",
                     "SELECT attempted_at FROM payment_attempts WHERE changed_at >= @Since",
                     "SELECT shipped_at FROM shipments WHERE changed_at >= @Since",
                     "SELECT delivered_at FROM shipments WHERE changed_at >= @Since",
                     "SELECT returned_at FROM returns WHERE changed_at >= @Since",
                     "SELECT created_at FROM support_tickets WHERE changed_at >= @Since",
                     "SELECT answered_at FROM reviews WHERE changed_at >= @Since",
                     "SELECT opened_at FROM accounts WHERE changed_at >= @Since",
                     // An account updated (not new) re-cuts its orders by its new segment and channel: recent days only.
                     """
                     SELECT o.placed_at FROM accounts a JOIN orders o ON o.account_id = a.id
                     WHERE a.changed_at >= @Since AND a.revision > 1 AND o.placed_at >= @WindowStart
                     """,
                 })
            foreach (var value in await ColumnAsync(connection, sql, since, days.StartOf(windowStart), cancellationToken))
                changed.Add(days.DayOf(database.Dialect.ReadTimestamp(value)));
        // Spend is kept per calendar day already.
        foreach (var value in await ColumnAsync(connection, "SELECT day FROM marketing_spend WHERE changed_at >= @Since", since,
                     days.StartOf(windowStart), cancellationToken))
            changed.Add(value switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                _ => DateOnly.ParseExact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, "yyyy-MM-dd"),
            });
        return changed;
    }

    /// <summary>The non-null values of the query's first column.</summary>
    private async Task<List<object>> ColumnAsync(System.Data.Common.DbConnection connection, string sql,
        DateTimeOffset since, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("@Since", since), ("@WindowStart", windowStart) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = database.Dialect.Timestamp(value);
            command.Parameters.Add(parameter);
        }
        var values = new List<object>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (!reader.IsDBNull(0)) values.Add(reader.GetValue(0));
        return values;
    }
}
