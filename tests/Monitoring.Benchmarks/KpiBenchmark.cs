using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Checks;
using Monitoring.Kpis;
using Monitoring.Shop;
using Monitoring.Storage;
using Monitoring.TestSupport;
using System.Text.Json.Nodes;
using Npgsql;

namespace Monitoring.Benchmarks;

/// <summary>
/// The KPI engine's full recompute (every day, every segment, as <c>monitoring kpis --recompute</c> runs it) on a
/// throwaway PostgreSQL filled with generated orders and sessions, against a single-scan SQL baseline that only sums
/// the same rows per shop day (one <c>GROUP BY day</c> over order lines joined to orders, one over sessions), and the
/// daily incremental run after one day's rows changed. The shop's time zone is Europe/Paris.
/// </summary>
public static class KpiBenchmark
{
    private const string Zone = "Europe/Paris";

    public static async Task<int> RunAsync(KpiBenchmarkOptions options)
    {
        await using var server = options.Database is null ? await PostgresServer.StartAsync() : null;
        var connectionString = options.Database ?? await server!.CreateDatabaseAsync();
        var postmaster = server?.PostmasterPid ?? await PostmasterOfAsync(connectionString);
        var checks = new ActiveChecks(new CheckSet("checks", new MonitoringSettings { TimeZone = Zone }, []));
        await using var services = await ServicesAsync(connectionString, checks, options.Profile);
        var days = ShopDays.Of(checks.Current);
        var today = days.DayOf(DateTimeOffset.UtcNow);
        var firstDay = today.AddDays(-options.Days);

        var clock = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            if (Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM orders")) > 0)
                Console.Error.WriteLine("reusing the data already in the database");
            else await new KpiDataGenerator(options, days.StartOf(firstDay).ToUniversalTime(), DateTimeOffset.UtcNow.AddDays(-1)).FillAsync(connection);
            Console.Error.WriteLine($"VACUUM ANALYZE ({clock.Elapsed.TotalSeconds:0} s)");
            await Execute(connection, "VACUUM ANALYZE");
            Console.Error.WriteLine($"data ready in {clock.Elapsed.TotalSeconds:0} s; size {await Scalar(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))")}");
        }

        var orderBaseline = await TimeAsync("baseline: order lines ⋈ orders, GROUP BY day", () => BaselineAsync(connectionString, """
            SELECT date_trunc('day', o.placed_at AT TIME ZONE 'Europe/Paris') AS day, count(*), sum(l.quantity), sum(l.amount),
                   sum(l.quantity * l.unit_cost)
            FROM order_lines l JOIN orders o ON o.id = l.order_id GROUP BY 1
            """), postmaster);
        var sessionBaseline = await TimeAsync("baseline: sessions, GROUP BY day", () => BaselineAsync(connectionString, """
            SELECT date_trunc('day', started_at AT TIME ZONE 'Europe/Paris') AS day, count(*), sum(pages)
            FROM sessions GROUP BY 1
            """), postmaster);
        var runner = services.GetRequiredService<KpiRunner>();
        var progress = new Progress<string>(p => Console.Error.WriteLine("  " + p));
        var computedDays = 0;
        var full = await TimeAsync("full recompute (KpiRunner, every segment)", async () => computedDays = await runner.RunAsync(true, progress, default), postmaster);
        long rows;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            rows = Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM kpi_daily_facts"));
            if (options.Dump is not null) await DumpAsync(connection, options.Dump);
            // What a day of imports brings before the scheduled job's run (KpiJob runs this same RunAsync(false)):
            // yesterday's orders and sessions (stamped now, as the import that brings them stamps them), one late
            // cancellation on each of five days of the last month, and a correction of every order of one day 100 days ago.
            var touched = 0;
            foreach (var (sql, day) in new[]
                     {
                         ("UPDATE orders SET changed_at = now() WHERE placed_at >= @From AND placed_at < @To", today.AddDays(-1)),
                         ("UPDATE sessions SET changed_at = now() WHERE started_at >= @From AND started_at < @To", today.AddDays(-1)),
                         ("UPDATE orders SET status = CASE WHEN status = 'cancelled' THEN 'delivered' ELSE status END, changed_at = now() WHERE placed_at >= @From AND placed_at < @To", today.AddDays(-100)),
                     }.Concat(new[] { 3, 7, 14, 21, 30 }.Select(ago => (
                         "UPDATE orders SET status = 'cancelled', changed_at = now() WHERE id = (SELECT min(id) FROM orders WHERE placed_at >= @From AND placed_at < @To)",
                         today.AddDays(-ago)))))
            {
                var range = days.UtcRange(day);
                await using var touch = new NpgsqlCommand(sql, connection);
                touch.Parameters.AddWithValue("From", range.Start.UtcDateTime);
                touch.Parameters.AddWithValue("To", range.End.UtcDateTime);
                touched += await touch.ExecuteNonQueryAsync();
            }
            Console.Error.WriteLine($"touched {touched:N0} rows: yesterday's orders and sessions, 5 late cancellations, the orders of {today.AddDays(-100):yyyy-MM-dd}");
        }
        var incrementalDays = 0;
        var incremental = await TimeAsync("daily incremental run", async () => incrementalDays = await runner.RunAsync(false, progress, default), postmaster);

        if (options.Dump is not null)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await DumpAsync(connection, options.Dump + ".incremental");
        }

        var baseline = orderBaseline + sessionBaseline;
        Console.WriteLine();
        Console.WriteLine($"KPI rollup on PostgreSQL, {options.OrderLines:N0} order lines ({options.OrderLines / KpiDataGenerator.LinesPerOrder:N0} orders), " +
                          $"{options.Sessions:N0} sessions, {options.Accounts:N0} accounts, {options.Products:N0} products over {options.Days} days, " +
                          $"{Environment.ProcessorCount} cores");
        Console.WriteLine($"  single-scan baseline (order lines {orderBaseline:0.0} s + sessions {sessionBaseline:0.0} s) {baseline,8:0.0} s");
        Console.WriteLine($"  full recompute: {computedDays:N0} days, {rows:N0} day×segment rows  {full,8:0.0} s");
        Console.WriteLine($"  ratio full recompute ÷ baseline (goal ≤ 2)                 {full / baseline,8:0.00}");
        Console.WriteLine($"  daily incremental run: {incrementalDays:N0} days (goal < 5 s)         {incremental,8:0.0} s");
        return 0;
    }

    /// <summary>Times the action and prints where its CPU went: this process's (with its GC pauses and allocations)
    /// and the PostgreSQL server's (<see cref="PostgresCpu"/>), which share the same cores.</summary>
    private static async Task<double> TimeAsync(string name, Func<Task> action, int? postmaster = null)
    {
        Console.Error.WriteLine($"{name} …");
        var (cpu, pauses, allocated) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var database = PostgresCpu.Seconds(postmaster);
        var threads = ProcStat.ThreadSeconds();
        var clock = Stopwatch.StartNew();
        await action();
        var seconds = clock.Elapsed.TotalSeconds;
        var byThread = string.Join(", ", ProcStat.ThreadSecondsBetween(threads, ProcStat.ThreadSeconds()).Select(t => $"{t.Name} {t.Seconds:0.0}"));
        var databaseCpu = database is not null && PostgresCpu.Seconds(postmaster) is { } after ? $"{after - database.Value:0.0}" : "?";
        Console.Error.WriteLine($"{name}: {seconds:0.0} s; CPU s: this process {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} " +
                                $"(GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:0.0} s, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MiB allocated), " +
                                $"PostgreSQL {databaseCpu}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        if (byThread.Length > 0) Console.Error.WriteLine($"  this process's CPU s by thread: {byThread}");
        return seconds;
    }

    /// <summary>The postmaster of the server behind the connection string when it runs on this machine (the parent of
    /// a backend), for its CPU time; null otherwise.</summary>
    private static async Task<int?> PostmasterOfAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var backend = Convert.ToInt32(await Scalar(connection, "SELECT pg_backend_pid()"));
        try
        {
            var stat = File.ReadAllText($"/proc/{backend}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Runs the query and reads every row, as the rollup reads its own.</summary>
    private static async Task BaselineAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync()) count++;
        Console.Error.WriteLine($"  {count:N0} days");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Writes the rollup rows sorted, one a line, with every number in its shortest form (12.5, not 12.5000), so that
    /// two runs' files differ only where a value differs.
    /// </summary>
    private static async Task DumpAsync(NpgsqlConnection connection, string path)
    {
        await using var command = new NpgsqlCommand("SELECT day, dimension, value, facts FROM kpi_daily_facts ORDER BY day, dimension, value", connection)
            { CommandTimeout = 3600 };
        await using var reader = await command.ExecuteReaderAsync();
        await using var file = new StreamWriter(path);
        while (await reader.ReadAsync())
            await file.WriteLineAsync($"{reader.GetString(0)} {reader.GetString(1)}={reader.GetString(2)} {Normalized(JsonNode.Parse(reader.GetString(3)))?.ToJsonString()}");
        Console.Error.WriteLine($"rows written to {path}");
    }

    private static JsonNode? Normalized(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalized(p.Value)))),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            JsonValue.Create(v.GetValue<decimal>() / 1.000000000000000000000000000000000m),
        _ => node?.DeepClone(),
    };

    private static async Task<ServiceProvider> ServicesAsync(string connectionString, ActiveChecks checks, bool profile)
    {
        var services = new ServiceCollection().AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Monitoring.Storage.SqlKpiRollup", profile ? LogLevel.Debug : LogLevel.Warning)
            .AddFilter("Monitoring.Kpis.KpiRunner", profile ? LogLevel.Debug : LogLevel.Warning)).AddSingleton(TimeProvider.System);
        services.AddStorage(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });
        services.AddShop();
        services.AddKpis();
        services.AddSingleton(checks);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }
}
