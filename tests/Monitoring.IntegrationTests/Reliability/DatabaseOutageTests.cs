using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Hangfire;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Metrics;
using Monitoring.Scheduling;
using Monitoring.Shop.Demo;
using Monitoring.Shop.Import;
using Monitoring.Storage;
using Monitoring.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL stopped for 60 seconds under the whole service while http probes run every five seconds against a target
/// that stays up and a quality scan of demo data is under way. During the outage the process answers, <c>/readyz</c> says 503
/// and why, <c>/healthz</c> says 200, and the runs that cannot be stored are counted as monitoring errors and held; after
/// the restart the service is ready again, the probes are recorded again, the held runs are stored once, no incident
/// was opened and no downtime counted for the shop, and the scan ran again to its end once, with no duplicate finding or
/// score. Runs on a PostgreSQL server of its own, so that stopping it hurts no other test. Prints the figures.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly string[] ProbeIds = ["home", "product", "health"];

    private const string Probes = """
        probes:
          - { id: home, kind: http, url: "${TARGET}/", interval: 5s, timeout: 4500ms, retries: 0 }
          - { id: product, kind: http, url: "${TARGET}/products/GLV-NIT-100", interval: 5s, timeout: 4500ms, retries: 0 }
          - { id: health, kind: http, url: "${TARGET}/healthz", interval: 5s, timeout: 4500ms, retries: 0 }
        """;

    [Fact]
    public async Task Survives_a_60_second_database_outage_without_downtime_loss_or_duplicates()
    {
        await using var server = await PostgresServer.StartAsync();
        if (!server.IsThrowaway) return; // an external server (MONITORING_TEST_POSTGRES) is not ours to stop
        using var folder = new TempFolder().WithProbes(Probes);
        CopyQualityRules(folder);
        await using var target = await GatedTarget.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var logs = new ConcurrentQueue<LogLine>();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?>
            {
                ["Monitoring:Storage:Provider"] = "Postgres",
                ["Monitoring:Storage:ConnectionString"] = connectionString,
            },
            new Dictionary<string, string> { ["TARGET"] = target.Url },
            builder =>
            {
                builder.Logging.AddProvider(new CapturingLoggerProvider(logs));
                builder.Logging.AddFilter(typeof(Monitoring.Quality.QualityScanner).FullName, LogLevel.Information);
            });
        var services = monitor.App.Services;
        // The one scan is the test's: no scheduled full or incremental scan may start beside it and blur the count.
        services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(QualityScanJob.JobId);
        services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(QualityIncrementalJob.JobId);
        var probes = services.GetRequiredService<IProbeStore>();
        var metrics = services.GetRequiredService<MonitoringMetrics>();
        var held = services.GetRequiredService<HeldProbeResults>();

        var seeding = Stopwatch.StartNew();
        var rows = await SeedDemoDataAsync(services.GetRequiredService<IShopWriter>());
        output.WriteLine($"demo data: {rows:N0} rows written in {seeding.Elapsed.TotalSeconds:0.0} s");
        await Eventually.TrueAsync(async () => (await RunsSinceAsync(probes, DateTimeOffset.UtcNow.AddMinutes(-5))).Values.All(n => n >= 2),
            TimeSpan.FromMinutes(2), "two stored runs of each probe before the outage");

        // The scan, through Hangfire as its schedule would start it. To stop the database while it is surely under way,
        // a transaction of the test's holds a lock on the findings table: the scan loads and evaluates the records, then
        // waits there for its findings; the stop ends every session, the test's and the scan's.
        var lockHolder = new NpgsqlConnection(connectionString);
        await lockHolder.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; LOCK TABLE quality_findings IN ACCESS EXCLUSIVE MODE", lockHolder))
            await begin.ExecuteNonQueryAsync();
        var scansBefore = ScansCompleted(logs);
        var scanJob = services.GetRequiredService<IBackgroundJobClient>().Enqueue<QualityScanJob>(job => job.RunAsync(CancellationToken.None));
        await Eventually.TrueAsync(async () => await CountAsync(lockHolder,
                "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = 'quality_findings'::regclass") >= 1,
            TimeSpan.FromMinutes(2), "the quality scan to reach its findings");
        var scanStateAtStop = JobState(services, scanJob);

        var errorsBefore = Errors(metrics);
        var inFlight = await target.HoldAnswersAsync();
        await server.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        target.Release();
        try { await lockHolder.DisposeAsync(); }
        catch (NpgsqlException) { /* its session was ended by the stop */ }
        var during = new List<(HttpStatusCode Health, HttpStatusCode Ready, string ReadyBody, double Errors)>();
        while (DateTimeOffset.UtcNow - stoppedAt < Outage)
        {
            var health = await monitor.Client.GetAsync("/healthz");
            var ready = await monitor.Client.GetAsync("/readyz");
            during.Add((health.StatusCode, ready.StatusCode, await ready.Content.ReadAsStringAsync(), Errors(metrics)));
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        var heldDuringOutage = held.Held;
        var errorsDuringOutage = Errors(metrics) - errorsBefore;

        await server.StartAgainAsync();
        var restarted = Stopwatch.StartNew();
        var restartedAt = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(async () => (await monitor.Client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromMinutes(1), "/readyz to answer 200 after the restart");
        var timeToReady = restarted.Elapsed;
        await Eventually.TrueAsync(async () => (await RunsSinceAsync(probes, restartedAt)).Values.All(n => n >= 1),
            TimeSpan.FromMinutes(3), "a stored run of each probe after the restart");
        await Eventually.TrueAsync(() => Task.FromResult(JobState(services, scanJob) is "Succeeded" or "Failed"),
            TimeSpan.FromMinutes(5), "the quality scan to end");
        await Eventually.TrueAsync(() => Task.FromResult(held.Pending == 0), TimeSpan.FromMinutes(1), "the held results to be written");

        // What the outage left behind, read straight from the database.
        var heldRunIds = logs.Where(l => l.Values.ContainsKey("RunId") && l.Message.Contains("could not be stored"))
            .Select(l => (Guid)l.Values["RunId"]!).ToList();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var storedOnce = 0;
        foreach (var runId in heldRunIds)
            storedOnce += await CountAsync(db, "SELECT COUNT(*) FROM probe_results WHERE run_id = @id", ("id", runId)) == 1 ? 1 : 0;
        var findings = await CountAsync(db, "SELECT COUNT(*) FROM quality_findings");
        var distinctFindings = await CountAsync(db, "SELECT COUNT(*) FROM (SELECT DISTINCT rule_id, entity, entity_key FROM quality_findings) d");
        var scores = await CountAsync(db, "SELECT COUNT(*) FROM quality_scores");
        var distinctScores = await CountAsync(db, "SELECT COUNT(*) FROM (SELECT DISTINCT day, domain FROM quality_scores) d");
        var incidents = await services.GetRequiredService<IIncidentStore>().ListIncidentsAsync(null, 100, default);
        var down = TimeSpan.Zero;
        foreach (var id in ProbeIds)
            down += (await services.GetRequiredService<IIncidentStore>().AvailabilityAsync(id, stoppedAt.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), default)).Down;
        var scansCompleted = ScansCompleted(logs) - scansBefore;
        // When the work resumed, from what the service recorded: each probe's first stored run, the scan's closing line.
        var firstRuns = new List<DateTimeOffset>();
        foreach (var id in ProbeIds)
            firstRuns.Add((await probes.ResultsAsync(id, restartedAt, DateTimeOffset.UtcNow, default))[0].StartedAt);
        var timeToRecorded = firstRuns.Max() - restartedAt;
        var timeToScanEnd = logs.Where(l => l.Message.StartsWith("Quality scan:", StringComparison.Ordinal)).Max(l => l.At) - restartedAt;
        var scanErrors = metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorQualityScan).Value;

        output.WriteLine($"outage {(restartedAt - stoppedAt).TotalSeconds:0.0} s (PostgreSQL stopped with pg_ctl -m fast, then started on the same data and port); " +
                         $"scan was {scanStateAtStop} and {inFlight} probe run(s) were in flight at the stop");
        output.WriteLine($"during the outage: {during.Count} polls, /healthz {string.Join("/", during.Select(d => (int)d.Health).Distinct())}, " +
                         $"/readyz {string.Join("/", during.Select(d => (int)d.Ready).Distinct())} (\"{during[^1].ReadyBody}\")");
        output.WriteLine($"monitoring errors counted during the outage: {errorsDuringOutage:0}, in all: {Errors(metrics) - errorsBefore:0} " +
                         $"({string.Join(", ", Kinds.Select(k => $"{k} {metrics.MonitoringErrors.WithLabels(k).Value:0}"))})");
        output.WriteLine($"probe runs held in memory: {held.Held} ({heldDuringOutage} by the end of the outage), written after it: {held.Written}, " +
                         $"dropped: {held.Dropped}; held run ids found stored exactly once: {storedOnce} of {heldRunIds.Count}");
        output.WriteLine($"after the restart: /readyz 200 within {timeToReady.TotalSeconds:0.0} s, every probe ran and was recorded again " +
                         $"within {timeToRecorded.TotalSeconds:0.0} s (its first run's start), the scan ended ({JobState(services, scanJob)}) within {timeToScanEnd.TotalSeconds:0.0} s");
        output.WriteLine($"quality scans completed: {scansCompleted} (stopped by the outage: {scanErrors:0}); findings {findings} = {distinctFindings} distinct keys; " +
                         $"scores {scores} = {distinctScores} distinct (day, domain); incidents opened: {incidents.Count}; down time counted: {down.TotalSeconds:0} s");

        Assert.All(during, d => Assert.Equal(HttpStatusCode.OK, d.Health));
        Assert.All(during, d => Assert.Equal(HttpStatusCode.ServiceUnavailable, d.Ready));
        Assert.All(during, d => Assert.Contains("postgres storage unreachable", d.ReadyBody));
        Assert.True(errorsDuringOutage >= 1, $"monitoring errors during the outage: {errorsDuringOutage}");
        Assert.True(held.Held >= 1, "no probe run was held: the stop met no run in flight");
        Assert.Equal(held.Held, held.Written);
        Assert.Equal(0, held.Dropped);
        Assert.Equal(heldRunIds.Count, storedOnce);
        Assert.True(JobState(services, scanJob) == "Succeeded", $"the scan job ended {JobHistory(services, scanJob)}");
        Assert.Equal(1, scanErrors); // stopped once by the outage, then ran again to its end
        Assert.Equal(1, scansCompleted);
        Assert.True(findings > 0);
        Assert.Equal(distinctFindings, findings);
        Assert.Equal(distinctScores, scores);
        Assert.Empty(incidents);
        Assert.Equal(TimeSpan.Zero, down);
    }

    private static readonly string[] Kinds =
    [
        MonitoringMetrics.ErrorProbeResultHeld, MonitoringMetrics.ErrorProbeResultDropped, MonitoringMetrics.ErrorCheckNotEvaluated,
        MonitoringMetrics.ErrorQualityScan,
    ];

    /// <summary>Full scans that ran to their end, by their closing log line.</summary>
    private static int ScansCompleted(IEnumerable<LogLine> logs) =>
        logs.Count(l => l.Category == typeof(Monitoring.Quality.QualityScanner).FullName && l.Message.StartsWith("Quality scan:", StringComparison.Ordinal));

    private static double Errors(MonitoringMetrics metrics) => Kinds.Sum(k => metrics.MonitoringErrors.WithLabels(k).Value);

    /// <summary>The job's states with their reasons, newest first, to say why it ended as it did.</summary>
    private static string JobHistory(IServiceProvider services, string jobId) =>
        string.Join(" ← ", services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId)?.History
            .Select(h => $"{h.StateName} ({h.Reason}{(h.Data.TryGetValue("ExceptionMessage", out var message) ? ": " + message : "")})") ?? []);

    private static string? JobState(IServiceProvider services, string jobId)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static async Task<Dictionary<string, int>> RunsSinceAsync(IProbeStore store, DateTimeOffset since)
    {
        var runs = new Dictionary<string, int>();
        foreach (var id in ProbeIds)
            runs[id] = (await store.ResultsAsync(id, since, DateTimeOffset.UtcNow.AddMinutes(1), default)).Count;
        return runs;
    }

    private static async Task<long> CountAsync(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>A year of the demo shop at a tenth of its size: enough for a scan that takes some seconds.</summary>
    private static async Task<long> SeedDemoDataAsync(IShopWriter writer)
    {
        var options = new DemoDataOptions { End = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), Years = 1, Scale = 0.1 };
        var report = await new DemoDataGenerator().GenerateAsync(options, async (batch, ct) => await writer.WriteAsync(batch, ct), default);
        return report.TotalRows;
    }

    /// <summary>The repository's catalogue and customer rules (media rules would call the network).</summary>
    private static void CopyQualityRules(TempFolder folder)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Monitoring.sln"))) directory = directory.Parent;
        var target = Directory.CreateDirectory(Path.Combine(folder.Checks, "quality")).FullName;
        foreach (var name in new[] { "catalogue.yaml", "customers.yaml" })
            File.Copy(Path.Combine(directory.FullName, "checks", "quality", name), Path.Combine(target, name));
    }

    /// <summary>The probes' target: answers 200 at once, or, while held, keeps the requests waiting until released.</summary>
    private sealed class GatedTarget : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private TaskCompletionSource? _gate;
        private int _waiting;

        private GatedTarget(WebApplication app)
        {
            _app = app;
            app.MapGet("/{**path}", async () =>
            {
                if (Volatile.Read(ref _gate) is { } gate)
                {
                    Interlocked.Increment(ref _waiting);
                    await gate.Task;
                }
                return Results.Text("ok");
            });
        }

        public string Url => MonitorHost.AddressOf(_app);

        public static async Task<GatedTarget> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var target = new GatedTarget(builder.Build());
            await target._app.StartAsync();
            return target;
        }

        /// <summary>Holds every answer from now on; returns once at least one request waits (how many then).</summary>
        public async Task<int> HoldAnswersAsync()
        {
            Volatile.Write(ref _waiting, 0);
            Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref _waiting) >= 1), TimeSpan.FromSeconds(30), "a probe request in flight");
            return Volatile.Read(ref _waiting);
        }

        public void Release() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            Release();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record LogLine(DateTimeOffset At, LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Values);

    private sealed class CapturingLoggerProvider(ConcurrentQueue<LogLine> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
                lines.Enqueue(new LogLine(DateTimeOffset.UtcNow, logLevel, category, formatter(state, exception), values));
            }
        }
    }
}
