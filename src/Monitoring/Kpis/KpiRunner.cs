using System.Diagnostics;
using Monitoring.Checks;
using Monitoring.Shop.Sources;
using Monitoring.Storage;

namespace Monitoring.Kpis;

/// <summary>
/// Keeps the daily rollup current: recomputes the days whose data may have changed (a restatement window for late
/// cancellations, returns and deliveries, plus any day an import touched since the last run), or every day of the
/// shop's history on demand. KPIs are then sums over these rows (see <see cref="KpiReport"/>).
/// </summary>
public sealed class KpiRunner(SqlKpiRollup rollup, SqlKpiFactsStore facts, IWatermarkStore watermarks, ActiveChecks checks,
    IDbConnectionFactory database, TimeProvider time, ILogger<KpiRunner> logger, KpiReport? report = null,
    Metrics.MonitoringMetrics? metrics = null)
{
    /// <summary>Days before yesterday always recomputed: late cancellations, returns and deliveries restate them.</summary>
    public int RestatementDays { get; init; } = 35;

    /// <summary>
    /// At most this many consecutive days per rollup call: each call reads every table once for its days, so fewer,
    /// longer calls are faster (one scan instead of one index probe per day), and this bounds the memory of one call.
    /// </summary>
    public int ChunkDays { get; init; } = 366;

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
        var toCompute = recomputeAll || last is null
            ? await HistoryDaysAsync(days, today, cancellationToken)
            : Window(today).Union(await ChangedDaysAsync(DateTimeOffset.Parse(last), days, cancellationToken)).Where(d => d <= today).Order().ToList();

        var done = 0;
        foreach (var (firstDay, lastDay) in Runs(toCompute, ChunkDays))
        {
            var computed = await rollup.ComputeAsync(firstDay, lastDay, days, cancellationToken);
            await facts.ReplaceAsync(firstDay, lastDay, computed, cancellationToken);
            done += lastDay.DayNumber - firstDay.DayNumber + 1;
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

    private IEnumerable<DateOnly> Window(DateOnly today) =>
        Enumerable.Range(0, RestatementDays + 1).Select(i => today.AddDays(-i));

    /// <summary>Every day from the first order or session to today.</summary>
    private async Task<List<DateOnly>> HistoryDaysAsync(ShopDays days, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(placed_at) FROM orders UNION ALL SELECT min(started_at) FROM sessions";
        var first = today;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                if (!reader.IsDBNull(0) && days.DayOf(database.Dialect.ReadTimestamp(reader.GetValue(0))) is var day && day < first)
                    first = day;
        return Enumerable.Range(0, today.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }

    /// <summary>The days of the orders and sessions an import inserted or changed since <paramref name="since"/>.</summary>
    private async Task<IEnumerable<DateOnly>> ChangedDaysAsync(DateTimeOffset since, ShopDays days, CancellationToken cancellationToken)
    {
        var changed = new HashSet<DateOnly>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var sql in new[]
                 {
                     "SELECT placed_at FROM orders WHERE changed_at >= @Since",
                     "SELECT started_at FROM sessions WHERE changed_at >= @Since",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@Since";
            parameter.Value = database.Dialect.Timestamp(since);
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                if (!reader.IsDBNull(0)) changed.Add(days.DayOf(database.Dialect.ReadTimestamp(reader.GetValue(0))));
        }
        return changed;
    }
}
