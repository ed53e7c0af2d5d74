using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Monitoring.Checks;
using Monitoring.Cli;
using Monitoring.Kpis;
using Monitoring.Scheduling;
using Monitoring.Shop.Demo;
using Monitoring.Shop.Import;
using Monitoring.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// The service killed (SIGKILL) in the middle of an import, a full quality scan and a KPI recompute, on PostgreSQL as
/// it is deployed, then started again: each job finishes exactly once, with no duplicate rows, findings, snapshots or
/// emails. The job is started as the dashboard's "Trigger now" starts it, killed once it has visibly started (rows in
/// the store), and the restarted service runs it again once the dead worker's job is abandoned (after
/// <c>Monitoring:Scheduling:AbandonedJobTimeout</c>, 15 s here). Prints when each kill happened and how long the
/// restarted service took to finish.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(15);

    /// <summary>Generous: the job waits out the abandonment, then runs again from the start on a loaded machine.</summary>
    private static readonly TimeSpan FinishWithin = TimeSpan.FromMinutes(5);

    private const int Orders = 100_000, LinesPerOrder = 3, RejectEvery = 1_000;

    [Fact]
    public async Task An_import_killed_halfway_is_imported_once_after_a_restart()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Root, "orders.csv");
        var lines = WriteOrdersCsv(csv);
        Directory.CreateDirectory(Path.Combine(folder.Checks, "sources"));
        await File.WriteAllTextAsync(Path.Combine(folder.Checks, "sources", "orders.yaml"), $"""
            sources:
              - id: orders
                kind: csv
                files: {csv}
                schedule: 1d
                entities:
                  order:
                    id: "[order_id]"
                    placed_at: "[placed_at]"
                    status: "'placed'"
                    channel: "'web'"
                    currency: "'EUR'"
                  order_line:
                    order_id: "[order_id]"
                    line_no: "[line]"
                    sku: "[sku]"
                    quantity: "[qty]"
                    net_price: "[price]"
                    amount: "[qty] * [price]"
            """);
        var database = await postgres.Server.CreateDatabaseAsync();
        var hangfire = new HangfireOnPostgres(database);

        var first = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await hangfire.WaitForRecurringJobAsync("source:orders");
        var clock = Stopwatch.StartNew();
        var jobId = hangfire.Trigger("source:orders");
        // Killed once the first batch of order lines is in the store and the run is still going.
        var atKill = await WaitForAsync(database, "SELECT count(*) FROM order_lines", n => n > 0, "the first batch of order lines");
        await first.KillAsync();
        var killedAt = clock.Elapsed;
        var linesAtKill = await CountAsync(database, "SELECT count(*) FROM order_lines");
        var runsAtKill = await RunStatusesAsync(database);

        var restart = Stopwatch.StartNew();
        await using var second = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await using var _ = first;
        await WaitForSuccessAsync(hangfire, jobId, first, second);
        var finishedAfter = restart.Elapsed;

        var goodLines = lines - lines / RejectEvery;
        var orderLines = await CountAsync(database, "SELECT count(*) FROM order_lines");
        var distinctLines = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT order_id, line_no FROM order_lines) k");
        var orders = await CountAsync(database, "SELECT count(*) FROM orders");
        var quarantined = await CountAsync(database, "SELECT count(*) FROM quarantine");
        var distinctQuarantined = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT source, origin, line FROM quarantine) k");
        var runs = await RunStatusesAsync(database);
        var states = await hangfire.StatesAsync(jobId);
        output.WriteLine($"import of {lines:N0} lines ({goodLines:N0} good, {lines / RejectEvery:N0} rejected): killed {killedAt.TotalSeconds:0.0} s " +
                         $"after the trigger, with {linesAtKill:N0} order lines in the store (first seen: {atKill:N0}); runs at the kill: {runsAtKill}");
        output.WriteLine($"restarted: job finished {finishedAfter.TotalSeconds:0.0} s after the restart (abandoned after {AbandonedAfter.TotalSeconds:0} s); " +
                         $"job states: {string.Join(" → ", states)}");
        output.WriteLine($"after: {orderLines:N0} order lines ({distinctLines:N0} distinct keys), {orders:N0} orders, " +
                         $"{quarantined:N0} quarantined ({distinctQuarantined:N0} distinct lines); runs: {runs}");

        Assert.InRange(linesAtKill, 1, goodLines - 1);
        Assert.Equal(goodLines, orderLines);
        Assert.Equal(orderLines, distinctLines);
        Assert.Equal(Orders, orders);
        Assert.Equal(lines / RejectEvery, quarantined);
        Assert.Equal(quarantined, distinctQuarantined);
        Assert.Equal("interrupted 1, succeeded 1", runs);
        Assert.Equal(1, states.Count(s => s == "Succeeded"));
    }

    [Fact]
    public async Task A_quality_scan_killed_halfway_finishes_once_after_a_restart()
    {
        using var folder = new TempFolder();
        CopyRepositoryChecks(folder.Checks);
        var database = await postgres.Server.CreateDatabaseAsync();
        var generated = await FillWithDemoDataAsync(database);
        var hangfire = new HangfireOnPostgres(database);

        var first = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await hangfire.WaitForRecurringJobAsync(QualityScanJob.JobId);
        var clock = Stopwatch.StartNew();
        var jobId = hangfire.Trigger(QualityScanJob.JobId);
        // The scan loads every record, evaluates and only then writes: killed a second into it, it has written nothing.
        await hangfire.WaitForStateAsync(jobId, "Processing", TimeSpan.FromMinutes(2));
        var processingAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await first.KillAsync();
        var killedAt = clock.Elapsed;
        await using var _ = first;
        var (findingsAtKill, scoresAtKill) = (await CountAsync(database, "SELECT count(*) FROM quality_findings"),
            await CountAsync(database, "SELECT count(*) FROM quality_scores"));

        var restart = Stopwatch.StartNew();
        await using var second = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await WaitForSuccessAsync(hangfire, jobId, first, second);
        var finishedAfter = restart.Elapsed;

        var findings = await CountAsync(database, "SELECT count(*) FROM quality_findings");
        var findingKeys = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT rule_id, entity, entity_key FROM quality_findings) k");
        var scanTimes = await CountAsync(database, "SELECT count(DISTINCT first_seen_at) FROM quality_findings");
        var scores = await CountAsync(database, "SELECT count(*) FROM quality_scores");
        var scoreKeys = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT day, domain FROM quality_scores) k");
        var history = await CountAsync(database, "SELECT count(*) FROM quality_record_history");
        var historyRecords = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT entity, entity_key FROM quality_record_history) k");
        var states = await hangfire.StatesAsync(jobId);
        output.WriteLine($"quality scan of the demo data ({generated.Rows:N0} rows generated in {generated.Took.TotalSeconds:0} s): processing " +
                         $"{processingAt.TotalSeconds:0.0} s after the trigger, killed at {killedAt.TotalSeconds:0.0} s, with {findingsAtKill:N0} " +
                         $"finding(s) and {scoresAtKill:N0} score row(s) in the store");
        output.WriteLine($"restarted: job finished {finishedAfter.TotalSeconds:0.0} s after the restart (abandoned after {AbandonedAfter.TotalSeconds:0} s); " +
                         $"job states: {string.Join(" → ", states)}");
        output.WriteLine($"after: {findings:N0} findings ({findingKeys:N0} distinct rule/record keys, first seen at {scanTimes} instant(s)), " +
                         $"{scores:N0} domain score rows ({scoreKeys:N0} distinct day/domain), {history:N0} record history rows ({historyRecords:N0} records)");

        Assert.Equal(0, scoresAtKill);
        Assert.True(findings > 0, "the demo data has findings");
        Assert.Equal(findingKeys, findings);
        Assert.Equal(1, scanTimes);
        Assert.True(scores > 0, "the day's domain scores are kept");
        Assert.Equal(scoreKeys, scores);
        Assert.Equal(historyRecords, history);
        Assert.Equal(1, states.Count(s => s == "Succeeded"));
    }

    [Fact]
    public async Task A_kpi_recompute_killed_halfway_finishes_once_after_a_restart()
    {
        using var folder = new TempFolder();
        CopyRepositoryChecks(folder.Checks);
        var database = await postgres.Server.CreateDatabaseAsync();
        var generated = await FillWithDemoDataAsync(database);
        var shopBefore = await ShopHistoryAsync(database);
        var hangfire = new HangfireOnPostgres(database);

        var first = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await hangfire.WaitForRecurringJobAsync(KpiJob.JobId);
        var clock = Stopwatch.StartNew();
        // No watermark yet: the job recomputes the whole history, a year of days per transaction (see Environment).
        var jobId = hangfire.Trigger(KpiJob.JobId);
        var atKill = await WaitForAsync(database, "SELECT count(*) FROM kpi_daily_facts", n => n > 0, "the first year of daily KPI rows");
        await first.KillAsync();
        var killedAt = clock.Elapsed;
        await using var _ = first;
        var rowsAtKill = await CountAsync(database, "SELECT count(*) FROM kpi_daily_facts");
        var daysAtKill = await CountAsync(database, "SELECT count(DISTINCT day) FROM kpi_daily_facts");
        var watermarkAtKill = await CountAsync(database, "SELECT count(*) FROM source_watermarks WHERE source = 'kpis'");

        var restart = Stopwatch.StartNew();
        await using var second = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await WaitForSuccessAsync(hangfire, jobId, first, second);
        var finishedAfter = restart.Elapsed;

        var rows = await CountAsync(database, "SELECT count(*) FROM kpi_daily_facts");
        var keys = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT day, dimension, value FROM kpi_daily_facts) k");
        var days = await CountAsync(database, "SELECT count(DISTINCT day) FROM kpi_daily_facts");
        var mails = await CountAsync(database, "SELECT count(*) FROM mail_outbox");
        var mailKeys = await CountAsync(database, "SELECT count(*) FROM (SELECT DISTINCT kind, dedup_key, recipient FROM mail_outbox) k");
        var mailKinds = await MailKindsAsync(database);
        var afterRestart = await FactsAsync(database);
        // The expectation: the same history recomputed from scratch by a run nobody interrupted.
        await RecomputeAsync(database, folder.Checks);
        var clean = await FactsAsync(database);
        var shopAfter = await ShopHistoryAsync(database);
        var states = await hangfire.StatesAsync(jobId);
        output.WriteLine($"KPI recompute of the demo data ({generated.Rows:N0} rows generated in {generated.Took.TotalSeconds:0} s): killed " +
                         $"{killedAt.TotalSeconds:0.0} s after the trigger, with {rowsAtKill:N0} daily rows of {daysAtKill:N0} day(s) in the store " +
                         $"(first seen: {atKill:N0}), watermark rows: {watermarkAtKill}");
        output.WriteLine($"restarted: job finished {finishedAfter.TotalSeconds:0.0} s after the restart (abandoned after {AbandonedAfter.TotalSeconds:0} s); " +
                         $"job states: {string.Join(" → ", states)}");
        output.WriteLine($"after: {rows:N0} daily rows ({keys:N0} distinct day/segment keys, {days:N0} days), {afterRestart.Count(c => c.Value != clean.GetValueOrDefault(c.Key)):N0} " +
                         $"differing from a clean recompute's {clean.Count:N0}; mail outbox: {mails:N0} row(s) ({mailKinds}), {mailKeys:N0} distinct kind/key/recipient");
        output.WriteLine($"shop data before the first start: {shopBefore}; after the clean recompute: {shopAfter}");

        // Nothing but the demo fill writes shop data here: the job and the clean recompute read the same history.
        Assert.True(shopBefore == shopAfter, $"the shop data changed while the service ran: before {shopBefore}; after {shopAfter}");
        Assert.Equal(0, watermarkAtKill);
        Assert.InRange(daysAtKill, 1, days - 1);
        Assert.Equal(keys, rows);
        Assert.Equal(clean, afterRestart);
        Assert.Equal(mailKeys, mails);
        Assert.Equal(1, states.Count(s => s == "Succeeded"));
    }

    /// <summary>The service's settings, as a deployment gives them: PostgreSQL, and a short abandonment for the test.</summary>
    private static Dictionary<string, string> Environment(string database) => new()
    {
        ["Monitoring__Storage__Provider"] = "Postgres",
        ["Monitoring__Storage__ConnectionString"] = database,
        ["Monitoring__Scheduling__AbandonedJobTimeout"] = AbandonedAfter.ToString("c", CultureInfo.InvariantCulture),
        // The incremental scan would run a full scan of its own within two minutes of a first start.
        ["Monitoring__Scheduling__QualityIncrementalInterval"] = "1.00:00:00",
        // The demo's two years in two rollup calls, so the KPI recompute can be killed between its two transactions.
        ["Monitoring__Kpis__DaysPerCall"] = "366",
        ["Logging__LogLevel__Default"] = "Information",
    };

    private static async Task WaitForSuccessAsync(HangfireOnPostgres hangfire, string jobId, ServiceProcess killed, ServiceProcess restarted)
    {
        try
        {
            await hangfire.WaitForStateAsync(jobId, "Succeeded", FinishWithin);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} (states: {await hangfire.DescribeAsync(jobId)})" +
                                       $"\n--- killed service ---\n{killed.Output}\n--- restarted service ---\n{restarted.Output}", e);
        }
    }

    /// <summary>The repository's quality rules, KPI targets, alert routes and shop time zone; no probe, no source.</summary>
    internal static void CopyRepositoryChecks(string checks)
    {
        var repository = MalformedCsvCases.ChecksFolder;
        File.Copy(Path.Combine(repository, "monitoring.yaml"), Path.Combine(checks, "monitoring.yaml"));
        File.Copy(Path.Combine(repository, "alerts.yaml"), Path.Combine(checks, "alerts.yaml"));
        foreach (var folder in new[] { "quality", "kpis" })
        {
            Directory.CreateDirectory(Path.Combine(checks, folder));
            foreach (var file in Directory.GetFiles(Path.Combine(repository, folder)))
                File.Copy(file, Path.Combine(checks, folder, Path.GetFileName(file)));
        }
    }

    private static string[] HostArguments(string database) =>
        ["--Monitoring:Storage:Provider=Postgres", $"--Monitoring:Storage:ConnectionString={database}"];

    /// <summary>The demo's two years of history, ending yesterday, written as the demo's first start writes them.</summary>
    private static Task<(long Rows, TimeSpan Took)> FillWithDemoDataAsync(string database) => FillWithDemoDataAsync(HostArguments(database));

    /// <summary>The same, into the store the settings name (<c>--Monitoring:Storage:…</c>).</summary>
    internal static async Task<(long Rows, TimeSpan Took)> FillWithDemoDataAsync(string[] hostArguments)
    {
        var clock = Stopwatch.StartNew();
        await using var services = await CliServices.BuildAsync(hostArguments, CancellationToken.None);
        var writer = services.GetRequiredService<IShopWriter>();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).Date).AddDays(-1);
        var report = await new DemoDataGenerator().GenerateAsync(new DemoDataOptions { End = yesterday },
            async (batch, ct) => await writer.WriteAsync(batch, ct), CancellationToken.None);
        return (report.TotalRows, clock.Elapsed);
    }

    /// <summary>`monitoring kpis --recompute`, in-process: every day of the history computed again.</summary>
    private static async Task RecomputeAsync(string database, string checksFolder)
    {
        var checks = CheckSetLoader.Default().LoadOrThrow(checksFolder);
        await using var services = await CliServices.BuildAsync(HostArguments(database), CancellationToken.None,
            s => s.AddSingleton(new ActiveChecks(checks)));
        await services.GetRequiredService<KpiRunner>().RunAsync(recomputeAll: true, null, CancellationToken.None);
    }

    /// <summary>The span and count of the orders and sessions, which set the days a full recompute computes.</summary>
    private static async Task<string> ShopHistoryAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        var orders = await connection.QuerySingleAsync<(DateTime? First, DateTime? Last, long Count)>(
            "SELECT min(placed_at), max(placed_at), count(*) FROM orders");
        var sessions = await connection.QuerySingleAsync<(DateTime? First, DateTime? Last, long Count)>(
            "SELECT min(started_at), max(started_at), count(*) FROM sessions");
        return $"orders {orders.First:O} to {orders.Last:O} ({orders.Count:N0}), sessions {sessions.First:O} to {sessions.Last:O} ({sessions.Count:N0})";
    }

    private static async Task<string> MailKindsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        var rows = await connection.QueryAsync<(string Kind, long Count)>("SELECT kind, count(*) FROM mail_outbox GROUP BY kind ORDER BY kind");
        return string.Join(", ", rows.Select(r => $"{r.Kind} {r.Count}"));
    }

    /// <summary>Every daily KPI row's sums by day and segment.</summary>
    private static async Task<Dictionary<string, string>> FactsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        return (await connection.QueryAsync<(string Day, string Dimension, string Value, string Facts)>(
                "SELECT day, dimension, value, CAST(facts AS text) FROM kpi_daily_facts"))
            .ToDictionary(r => $"{r.Day} {r.Dimension}={r.Value}", r => r.Facts);
    }

    /// <summary>Orders of three lines; every thousandth line has a quantity that is not a number (quarantined).</summary>
    private static int WriteOrdersCsv(string path)
    {
        var text = new StringBuilder("order_id,line,sku,qty,price,placed_at\n");
        var line = 0;
        for (var order = 1; order <= Orders; order++)
        for (var n = 1; n <= LinesPerOrder; n++)
        {
            line++;
            var quantity = line % RejectEvery == 0 ? "n/a" : (1 + line % 7).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture,
                $"O{order:D7},{n},SKU-{line % 500:D3},{quantity},{9 + line % 13}.50,2026-10-{1 + order % 28:D2}T10:{order % 60:D2}:00Z\n");
        }
        File.WriteAllText(path, text.ToString());
        return line;
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Polls a count until it satisfies <paramref name="started"/>: the sign that the job is under way.</summary>
    private static async Task<long> WaitForAsync(string database, string sql, Func<long, bool> started, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                if (await CountAsync(database, sql) is var count && started(count)) return count;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { /* not migrated yet */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up waiting for {what}");
            await Task.Delay(50);
        }
    }

    private static async Task<string> RunStatusesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        var rows = await connection.QueryAsync<(string Status, long Count)>(
            "SELECT status, count(*) FROM import_runs GROUP BY status ORDER BY status");
        return string.Join(", ", rows.Select(r => $"{r.Status} {r.Count}"));
    }
}
