using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Checks;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Shop;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.Benchmarks;

/// <summary>
/// The full quality scan of a generated catalogue on PostgreSQL (<see cref="CatalogueGenerator"/>, 30 rules of
/// <see cref="QualityBenchmarkRules"/>), next to a single sequential read of the same rows: the tables the scan
/// loads, every column it reads, streamed through a data reader, plus the revenue query it runs. Each run times the
/// read, a first scan into an empty findings table (every finding inserted) and a second scan (the same findings
/// seen again, updated); the median of the runs is reported.
/// </summary>
public static class QualityBenchmark
{
    /// <summary>The issue's goal for a full scan of a million products.</summary>
    public const double GoalSeconds = 60;

    private static readonly ShopEntity[] ReadTables = [ShopModel.Product, ShopModel.ProductTranslation, ShopModel.TierPrice, ShopModel.Media];

    /// <summary>A measured step: wall-clock seconds, and this process's CPU seconds (user + system) over the same time,
    /// which a busy shared machine inflates less.</summary>
    private sealed record Step(string Name, List<double> Seconds, List<double> CpuSeconds)
    {
        /// <summary>PostgreSQL's CPU seconds over the same time (<see cref="PostgresCpu"/>), when readable.</summary>
        public List<double> PostgresCpuSeconds { get; } = [];

        /// <summary>This process's garbage-collection pauses over the same time, the collections by generation and the bytes allocated.</summary>
        public List<(double Seconds, int Gen0, int Gen1, int Gen2, double AllocatedGiB)> Gc { get; } = [];

        public double? MedianPostgresCpu => PostgresCpuSeconds.Count == 0 ? null : PostgresCpuSeconds.Order().ElementAt(PostgresCpuSeconds.Count / 2);

        public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);
        public double MedianCpu => CpuSeconds.Order().ElementAt(CpuSeconds.Count / 2);
    }

    public static async Task<int> RunAsync(QualityBenchmarkOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("shopmon-quality-bench-").FullName;
        try
        {
            await using var server = await PostgresServer.StartAsync();
            var connectionString = await server.CreateDatabaseAsync();
            await using var services = await ServicesAsync(connectionString);
            var rules = LoadRules(folder);
            if (rules.Count != QualityBenchmarkRules.Count) throw new InvalidOperationException($"{rules.Count} rules read, expected {QualityBenchmarkRules.Count}");

            var loadAtStart = LoadAverage();
            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            Console.Error.WriteLine($"generating {options.Products:N0} products with COPY…");
            var generator = new CatalogueGenerator(options.Products, now);
            await generator.WriteAsync(connectionString, CancellationToken.None);
            Console.Error.WriteLine($"generated in {clock.Elapsed.TotalSeconds:0} s: " +
                                    string.Join(", ", generator.Rows.Select(r => $"{r.Key} {r.Value:N0}")));

            var database = services.GetRequiredService<IDbConnectionFactory>();
            var store = new SqlQualityStore(database);
            var profile = new RuleTimes();
            var scanner = new QualityScanner(store, new SqlShopRecords(database), TimeProvider.System, NullLogger<QualityScanner>.Instance) { Profile = profile };
            var read = new Step("sequential read of the same rows (baseline)", [], []);
            var first = new Step("full scan, first (findings inserted)", [], []);
            var second = new Step("full scan, second (findings updated)", [], []);
            long rowsRead = 0;
            QualityScanReport? firstReport = null, secondReport = null;
            for (var run = 1; run <= options.Runs; run++)
            {
                await ExecuteAsync(connectionString, "TRUNCATE quality_findings, quality_scores");
                rowsRead = await TimeAsync(read, () => ReadSequentiallyAsync(connectionString, now - QualityScanner.RevenueWindow), server.PostmasterPid);
                firstReport = await TimeAsync(first, () => scanner.ScanAsync(rules, CancellationToken.None), server.PostmasterPid);
                // Printed at once: at a million products the second scan takes as long again.
                Console.Error.WriteLine($"  run {run}/{options.Runs}: first scan {first.Seconds[^1]:0.00} s, {first.CpuSeconds[^1]:0.0} CPU s, {Extra(first)} ({Phases(firstReport)}), " +
                                        $"{string.Join(", ", firstReport.Transitions.Select(t => $"{t.Key} {t.Value}"))}, " +
                                        $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB, load average {LoadAverage()}");
                secondReport = await TimeAsync(second, () => scanner.ScanAsync(rules, CancellationToken.None), server.PostmasterPid);
                Console.Error.WriteLine($"  run {run}/{options.Runs}: read {read.Seconds[^1]:0.00} s, first scan {first.Seconds[^1]:0.00} s, {first.CpuSeconds[^1]:0.0} CPU s " +
                                        $"({Phases(firstReport)}), second scan {second.Seconds[^1]:0.00} s, {second.CpuSeconds[^1]:0.0} CPU s, {Extra(second)} ({Phases(secondReport)})");
                await CheckAsync(connectionString, firstReport!, secondReport!);
            }

            var findings = await FindingsAsync(connectionString);
            Print(options, generator, rowsRead, [read, first, second], firstReport!, secondReport!, findings);
            Console.WriteLine("  evaluation time per rule kind, all scans, summed over the threads: " +
                              string.Join(", ", profile.ByKind().Select(k => $"{k.Kind} {k.Took.TotalSeconds:0.00}")));
            Console.WriteLine($"  load average (1, 5, 15 min) at the start: {loadAtStart}; at the end: {LoadAverage()}");
            var json = options.JsonPath ?? Path.Combine(Path.GetTempPath(), $"shopmon-quality-bench-{DateTime.UtcNow:yyyyMMddHHmmss}.json");
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new
            {
                options.Products, options.Runs, Rules = rules.Count, Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                generator.Rows, RowsRead = rowsRead, Findings = findings,
                Steps = new[] { read, first, second }.Select(s => new { s.Name, s.Seconds, s.Median, s.CpuSeconds, s.MedianCpu, s.PostgresCpuSeconds,
                    GcPauseSeconds = s.Gc.Select(g => g.Seconds), RowsPerSecond = rowsRead / s.Median }),
                FirstScanPhases = firstReport!.Phases.Select(p => new { p.Phase, Seconds = p.Took.TotalSeconds }),
                SecondScanPhases = secondReport!.Phases.Select(p => new { p.Phase, Seconds = p.Took.TotalSeconds }),
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"figures written to {json}");
            return first.Median < GoalSeconds ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<T> TimeAsync<T>(Step step, Func<Task<T>> action, int? postmaster)
    {
        // Each measurement starts from a collected heap, so that one run's garbage is not billed to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var database = PostgresCpu.Seconds(postmaster);
        var (pause, gen0, gen1, gen2, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var clock = Stopwatch.StartNew();
        var result = await action();
        step.Seconds.Add(clock.Elapsed.TotalSeconds);
        step.CpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        if (database is not null && PostgresCpu.Seconds(postmaster) is { } after) step.PostgresCpuSeconds.Add(after - database.Value);
        step.Gc.Add(((GC.GetTotalPauseDuration() - pause).TotalSeconds, GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2,
            (GC.GetTotalAllocatedBytes() - allocated) / 1073741824.0));
        return result;
    }

    /// <summary>The first scan opens every finding; the second sees them all again and opens or resolves nothing.</summary>
    private static async Task CheckAsync(string connectionString, QualityScanReport first, QualityScanReport second)
    {
        var opened = first.Transitions.GetValueOrDefault(FindingTransition.Opened);
        var still = second.Transitions.GetValueOrDefault(FindingTransition.StillFailing);
        if (opened == 0 || still != opened || second.Transitions.Count != 1)
        {
            // Which findings the second scan changed, to tell a time-dependent rule from a scan that is not repeatable.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT rule_id, entity, entity_key, status, message FROM quality_findings WHERE resolved_at IS NOT NULL OR first_seen_at >= @at", connection);
            command.Parameters.AddWithValue("at", second.At.UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                Console.Error.WriteLine($"  changed by the second scan: {reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}: {reader.GetString(4)}");
            throw new InvalidOperationException($"unexpected transitions: first {Show(first)}, second {Show(second)}");
        }
        static string Show(QualityScanReport r) => string.Join(", ", r.Transitions.Select(t => $"{t.Key} {t.Value}"));
    }

    /// <summary>PostgreSQL's CPU and the garbage collector's pauses of a step's last run.</summary>
    private static string Extra(Step step) =>
        (step.PostgresCpuSeconds.Count > 0 ? $"PostgreSQL {step.PostgresCpuSeconds[^1]:0.0} CPU s, " : "") +
        $"GC pauses {step.Gc[^1].Seconds:0.0} s ({step.Gc[^1].Gen0}/{step.Gc[^1].Gen1}/{step.Gc[^1].Gen2} collections of gen 0/1/2, {step.Gc[^1].AllocatedGiB:0.00} GiB allocated)";

    private static string Phases(QualityScanReport? report) =>
        report is null ? "" : string.Join(", ", report.Phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds:0.0}"));

    /// <summary>Every column the scan loads of every table it loads, and the revenue per SKU, on one connection, each
    /// value read as the provider's type: what any scan must at least pay to see the rows.</summary>
    private static async Task<long> ReadSequentiallyAsync(string connectionString, DateTimeOffset revenueSince)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        long rows = 0;
        var sink = 0;
        async Task Read(string sql, Action<NpgsqlCommand>? parameters = null)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            parameters?.Invoke(command);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                sink += reader.GetValues(values);
                rows++;
            }
        }
        foreach (var table in ReadTables)
            await Read($"SELECT {string.Join(", ", table.Fields.Select(f => f.Name))} FROM {table.Table}");
        await Read("""
            SELECT l.sku, SUM(l.amount) FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.placed_at >= @since AND (o.status IS NULL OR o.status NOT IN ('cancelled', 'canceled')) AND NOT o.is_synthetic
              AND l.sku IS NOT NULL
            GROUP BY l.sku
            """, c => c.Parameters.AddWithValue("since", revenueSince.UtcDateTime));
        return sink > 0 ? rows : 0;
    }

    /// <summary>The stored findings by entity, and the products with at least one (their own, a tier's or a media's).</summary>
    private static async Task<Dictionary<string, long>> FindingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT entity, count(*) FROM quality_findings WHERE status <> 'resolved' GROUP BY entity ORDER BY entity", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        await using (var command = new NpgsqlCommand("SELECT rule_id, count(*) FROM quality_findings WHERE status <> 'resolved' GROUP BY rule_id ORDER BY rule_id", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) counts["rule " + reader.GetString(0)] = reader.GetInt64(1);
        await using (var command = new NpgsqlCommand("""
            SELECT count(*) FROM (
                SELECT entity_key FROM quality_findings WHERE entity = 'product'
                UNION SELECT split_part(entity_key, '/', 1) FROM quality_findings WHERE entity = 'tier_price'
                UNION SELECT p.sku FROM quality_findings f JOIN media m ON m.id = f.entity_key JOIN products p ON p.sku = m.sku
                WHERE f.entity = 'media') AS s
            """, connection))
            counts["products with a finding"] = (long)(await command.ExecuteScalarAsync())!;
        return counts;
    }

    private static void Print(QualityBenchmarkOptions options, CatalogueGenerator generator, long rowsRead, IReadOnlyList<Step> steps,
        QualityScanReport first, QualityScanReport second, IReadOnlyDictionary<string, long> findings)
    {
        var baseline = steps[0];
        Console.WriteLine();
        Console.WriteLine($"Quality scan of {options.Products:N0} products, {QualityBenchmarkRules.Count} rules, PostgreSQL, " +
                          $"median of {options.Runs} run(s), {Environment.ProcessorCount} cores");
        Console.WriteLine("  rows: " + string.Join(", ", generator.Rows.Select(r => $"{r.Key} {r.Value:N0}")));
        Console.WriteLine($"  rows read by the scan and by the baseline: {rowsRead:N0}; records evaluated: {first.Records:N0}");
        Console.WriteLine($"  {"step",-46} {"seconds",8} {"rows/s",12} {"vs read",8} {"CPU s",8} {"CPU vs read",12} {"PG CPU s",9} {"GC pauses s",12}");
        foreach (var step in steps)
            Console.WriteLine($"  {step.Name,-46} {step.Median,8:0.00} {rowsRead / step.Median,12:N0} {F(step.Median / baseline.Median),8} " +
                              $"{step.MedianCpu,8:0.00} {F(step.MedianCpu / baseline.MedianCpu),12} {step.MedianPostgresCpu,9:0.00} {step.Gc[^1].Seconds,12:0.00}");
        Console.WriteLine("  (CPU s: this process's user + system time; PG CPU s: the PostgreSQL server's (its backends'); GC pauses: this process's, last run)");
        Console.WriteLine($"  first scan phases (last run): {Phases(first)}");
        Console.WriteLine($"  second scan phases (last run): {Phases(second)}");
        var withFinding = findings.GetValueOrDefault("products with a finding");
        Console.WriteLine($"  open findings by rule: {string.Join(", ", findings.Where(f => f.Key.StartsWith("rule ")).Select(f => $"{f.Key[5..]} {f.Value:N0}"))}");
        Console.WriteLine($"  open findings: {string.Join(", ", findings.Where(f => f.Key != "products with a finding" && !f.Key.StartsWith("rule ")).Select(f => $"{f.Key} {f.Value:N0}"))}; " +
                          $"products with at least one: {withFinding:N0} ({F(100.0 * withFinding / options.Products)} %)");
        Console.WriteLine($"  peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
        var firstScan = steps[1].Median;
        Console.WriteLine($"full scan of {options.Products:N0} products: {F(firstScan)} s, goal < {GoalSeconds:0} s" +
                          (options.Products >= 1_000_000 ? $": {(firstScan < GoalSeconds ? "MET" : "NOT MET")}" : " (for 1,000,000 products)"));
    }

    /// <summary>The machine's load average, which inflates wall-clock times on a shared machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static IReadOnlyList<QualityRuleDefinition> LoadRules(string folder)
    {
        var checks = Directory.CreateDirectory(Path.Combine(folder, "checks", "quality")).Parent!.FullName;
        File.WriteAllText(Path.Combine(checks, "quality", "bench.yaml"), QualityBenchmarkRules.Yaml);
        return CheckSetLoader.Default().LoadOrThrow(checks).QualityRules;
    }

    private static async Task<ServiceProvider> ServicesAsync(string connectionString)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddStorage(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });
        services.AddShop();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }
}
