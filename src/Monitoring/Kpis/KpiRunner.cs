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

        var batch = new List<DailyFacts>();
        foreach (var day in toCompute)
        {
            batch.Add(new DailyFacts(day, SegmentKey.All, await rollup.ComputeDayAsync(day, days, cancellationToken)));
            if (batch.Count < 50) continue;
            await facts.SaveAsync(batch, cancellationToken);
            progress?.Report($"{day:yyyy-MM-dd}: {toCompute.IndexOf(day) + 1:N0} of {toCompute.Count:N0} days");
            batch.Clear();
        }
        await facts.SaveAsync(batch, cancellationToken);
        // The watermark is the start of this run: rows changed while it ran are picked up by the next one.
        await watermarks.SetAsync(WatermarkSource, WatermarkEntity, started.ToString("O"), cancellationToken);
        logger.LogInformation("KPIs: {Days} day(s) recomputed in {Seconds:0.0} s", toCompute.Count, clock.Elapsed.TotalSeconds);
        if (report is not null && metrics is not null)
        {
            metrics.RecordKpis("day", SegmentKey.All.Value, await report.ValuesAsync(Period.Day(today.AddDays(-1)), cancellationToken));
            metrics.RecordKpis("week", SegmentKey.All.Value, await report.ValuesAsync(KpiReport.LastCompleteWeek(today), cancellationToken));
        }
        return toCompute.Count;
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
