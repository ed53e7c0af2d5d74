using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Monitoring.Scheduling;
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
        try
        {
            await hangfire.WaitForStateAsync(jobId, "Succeeded", FinishWithin);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n--- killed service ---\n{first.Output}\n--- restarted service ---\n{second.Output}", e);
        }
        var finishedAfter = restart.Elapsed;
        await using var _ = first;

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

    /// <summary>The service's settings, as a deployment gives them: PostgreSQL, and a short abandonment for the test.</summary>
    private static Dictionary<string, string> Environment(string database) => new()
    {
        ["Monitoring__Storage__Provider"] = "Postgres",
        ["Monitoring__Storage__ConnectionString"] = database,
        ["Monitoring__Scheduling__AbandonedJobTimeout"] = AbandonedAfter.ToString("c", CultureInfo.InvariantCulture),
        // The incremental scan would run a full scan of its own within two minutes of a first start.
        ["Monitoring__Scheduling__QualityIncrementalInterval"] = "1.00:00:00",
        ["Logging__LogLevel__Default"] = "Information",
    };

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
