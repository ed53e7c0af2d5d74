using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Checks;
using Monitoring.Shop;
using Monitoring.Shop.Import;
using Monitoring.Shop.Sources;
using Monitoring.Storage;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.Benchmarks;

/// <summary>
/// CSV import of order lines, measured end to end (read, map, quarantine, upsert) through the same source, pipeline
/// and writers as <c>monitoring import</c>, next to PostgreSQL's own <c>COPY … (FORMAT csv)</c> of the same file into
/// a table of the same rows and key. Each step runs on a fresh database; the median of the runs is reported.
/// </summary>
public static class ImportBenchmark
{
    public sealed record Step(string Name, IReadOnlyList<double> Seconds, int Rows)
    {
        public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);
        public double RowsPerSecond => Rows / Median;
    }

    public static async Task<int> RunAsync(ImportBenchmarkOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("shopmon-import-bench-").FullName;
        try
        {
            var csv = Path.Combine(folder, "order-lines.csv");
            var clock = Stopwatch.StartNew();
            OrderLinesFile.Write(csv, options.Rows);
            Console.Error.WriteLine($"generated {options.Rows:N0} order lines, {new FileInfo(csv).Length / 1048576.0:N0} MiB, in {clock.Elapsed.TotalSeconds:0.0} s");
            var source = LoadSource(folder, csv);

            var steps = new List<Step>
            {
                await MeasureAsync("read and map only, no store", options, () => TimeAsync(() => ReadOnlyAsync(source, options.Rows))),
            };
            if (options.Postgres)
            {
                await using var server = await PostgresServer.StartAsync();
                steps.Add(await MeasureAsync("postgres COPY (FORMAT csv), baseline", options, async () =>
                {
                    var database = await server.CreateDatabaseAsync();
                    return await TimeAsync(() => CopyBaselineAsync(database, csv));
                }));
                steps.Add(await MeasureAsync("postgres import, into empty tables", options, async () =>
                {
                    await using var services = await ServicesAsync(Postgres(await server.CreateDatabaseAsync()));
                    return await TimeAsync(() => ImportAsync(services, source, options.Rows, expectInserted: true));
                }));
                steps.Add(await MeasureAsync("postgres import again, nothing changed", options, async () =>
                {
                    await using var services = await ServicesAsync(Postgres(await server.CreateDatabaseAsync()));
                    await ImportAsync(services, source, options.Rows, expectInserted: true);
                    return await TimeAsync(() => ImportAsync(services, source, options.Rows, expectInserted: false));
                }));
            }
            if (options.Sqlite)
            {
                steps.Add(await MeasureAsync("sqlite import, into empty tables", options, async () =>
                {
                    await using var services = await ServicesAsync(Sqlite(folder));
                    return await TimeAsync(() => ImportAsync(services, source, options.Rows, expectInserted: true));
                }));
            }
            Print(steps, options);
            var json = options.JsonPath ?? Path.Combine(Path.GetTempPath(), $"shopmon-import-bench-{DateTime.UtcNow:yyyyMMddHHmmss}.json");
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new
            {
                options.Rows, options.Runs, Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                Steps = steps.Select(s => new { s.Name, s.Seconds, s.Median, s.RowsPerSecond }),
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"figures written to {json}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SourceDefinition LoadSource(string folder, string csv)
    {
        var checks = Directory.CreateDirectory(Path.Combine(folder, "checks", "sources")).Parent!.FullName;
        File.WriteAllText(Path.Combine(checks, "sources", "bench.yaml"), OrderLinesFile.SourceYaml(csv));
        var loaded = CheckSetLoader.Default().LoadOrThrow(checks);
        return loaded.Sources.Single();
    }

    private static async Task<Step> MeasureAsync(string name, ImportBenchmarkOptions options, Func<Task<double>> run)
    {
        var seconds = new List<double>();
        for (var i = 0; i < options.Runs; i++)
        {
            seconds.Add(await run());
            Console.Error.WriteLine($"  {name}: run {i + 1}/{options.Runs} {seconds[^1]:0.00} s ({options.Rows / seconds[^1]:N0} rows/s)");
        }
        return new Step(name, seconds, options.Rows);
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task ImportAsync(ServiceProvider services, SourceDefinition source, int rows, bool expectInserted)
    {
        var reports = await services.GetRequiredService<SourceImporter>().ImportAsync(source, null, null, CancellationToken.None);
        var report = reports.Single();
        if (!report.Succeeded) throw new InvalidOperationException($"the import failed: {report.Error}");
        var lines = report.Entities["order_line"];
        var expected = expectInserted ? lines.Inserted : lines.Unchanged;
        if (expected != rows || report.RowsRejected != 0)
            throw new InvalidOperationException($"expected {rows:N0} {(expectInserted ? "inserted" : "unchanged")} rows, got " +
                                                $"inserted {lines.Inserted:N0}, updated {lines.Updated:N0}, unchanged {lines.Unchanged:N0}, rejected {report.RowsRejected:N0}");
    }

    /// <summary>The reader alone: what parsing and mapping cost, the ceiling of any import.</summary>
    private static async Task ReadOnlyAsync(SourceDefinition source, int rows)
    {
        var context = new SourceContext(new NoWatermarks(), TimeProvider.System, Directory.GetCurrentDirectory());
        long read = 0;
        await foreach (var reader in source.OpenAsync(context, null, CancellationToken.None))
        {
            await using (reader)
                while (await reader.ReadAsync(CancellationToken.None) is { } row)
                    if (row.Rejection is null) read++;
        }
        if (read != rows) throw new InvalidOperationException($"read {read:N0} good rows, expected {rows:N0}");
    }

    private sealed class NoWatermarks : IWatermarkStore
    {
        public Task<string?> GetAsync(string source, string entity, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task SetAsync(string source, string entity, string value, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task CopyBaselineAsync(string connectionString, string csv)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE baseline_lines (
                invoice_no text NOT NULL, line_no bigint NOT NULL, sku text, description text, quantity numeric,
                list_price numeric, net_price numeric, unit_cost numeric, amount numeric, currency text, warehouse text,
                PRIMARY KEY (invoice_no, line_no))
            """, connection))
            await create.ExecuteNonQueryAsync();
        await using var copy = await connection.BeginTextImportAsync("COPY baseline_lines FROM STDIN (FORMAT csv, HEADER true)");
        using var reader = new StreamReader(csv);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0) await copy.WriteAsync(buffer.AsMemory(0, read));
    }

    private static StorageOptions Postgres(string connectionString) =>
        new() { Provider = StorageProvider.Postgres, ConnectionString = connectionString };

    private static StorageOptions Sqlite(string folder) =>
        new() { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder, $"bench-{Guid.NewGuid():N}.db") };

    private static async Task<ServiceProvider> ServicesAsync(StorageOptions storage)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddStorage(storage);
        services.AddShop();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }

    private static void Print(IReadOnlyList<Step> steps, ImportBenchmarkOptions options)
    {
        var baseline = steps.FirstOrDefault(s => s.Name.Contains("baseline"));
        Console.WriteLine();
        Console.WriteLine($"CSV import of {options.Rows:N0} order lines (11 columns), median of {options.Runs} run(s), {Environment.ProcessorCount} cores");
        Console.WriteLine($"  {"step",-42} {"seconds",8} {"rows/s",12} {"vs COPY",8}");
        foreach (var step in steps)
        {
            var ratio = baseline is null ? "-" : (step.RowsPerSecond / baseline.RowsPerSecond).ToString("0.00", CultureInfo.InvariantCulture);
            Console.WriteLine($"  {step.Name,-42} {step.Median,8:0.00} {step.RowsPerSecond,12:N0} {ratio,8}");
        }
    }
}
