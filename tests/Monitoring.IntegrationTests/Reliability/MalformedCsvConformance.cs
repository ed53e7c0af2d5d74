using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Checks;
using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Shop.Import;
using Monitoring.Storage;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// Every malformed variant of the sample exports (<see cref="MalformedCsvCases"/>) imported through the real source
/// importer on a fresh database: the import never throws, the good rows are all stored, each bad row is in the
/// quarantine with its line and a reason naming the problem, and a whole-file problem is a failed run naming the file.
/// </summary>
public abstract class MalformedCsvConformance(ITestBackend backend, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await backend.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Every_malformed_variant_keeps_the_good_rows_and_says_what_is_wrong_with_the_rest()
    {
        var (checks, errors) = CheckSetLoader.Default(new Dictionary<string, string> { ["CHECKS_DIR"] = MalformedCsvCases.ChecksFolder })
            .Load(MalformedCsvCases.ChecksFolder);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        // The samples carry bad lines on purpose: the unmodified import is the baseline every variant is measured from.
        var baselines = new Dictionary<string, long>();
        var sampleRejected = new Dictionary<string, IReadOnlySet<long>>();
        foreach (var id in new[] { MalformedCsvCases.Customers, MalformedCsvCases.Invoices })
        {
            var clean = await ImportAsync(checks!.Sources.Single(s => s.Id == id), null);
            baselines[id] = await StoredRowsAsync(id, clean);
            sampleRejected[id] = (await new SqlImportStore(clean.Backend.Database).ListQuarantineAsync(id, 1000, null, default))
                .Select(q => q.Line).ToHashSet();
        }
        var failures = new List<string>();
        var cases = MalformedCsvCases.All(sampleRejected);

        foreach (var malformed in cases)
        {
            var source = checks!.Sources.Single(s => s.Id == malformed.SourceId);
            try
            {
                failures.AddRange((await CheckAsync(source, malformed, baselines[source.Id])).Select(f => $"{malformed.Name}: {f}"));
            }
            catch (Exception e)
            {
                failures.Add($"{malformed.Name}: the import threw {e}");
            }
        }

        output.WriteLine($"CSV: {cases.Count} malformed files imported on {backend.GetType().Name}, {failures.Count} failure(s)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<List<string>> CheckAsync(Monitoring.Shop.Sources.SourceDefinition source, MalformedCsv malformed, long baseline)
    {
        var file = Path.Combine(_folder.Root, string.Concat(malformed.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".csv");
        await File.WriteAllBytesAsync(file, malformed.Bytes);
        var (backendOpen, reports) = await ImportAsync(source, file);
        var problems = new List<string>();
        var report = reports.Single();

        if (malformed.FileError is { } expectedError)
        {
            if (report.Succeeded) problems.Add("expected a whole-file error, the import succeeded");
            else if (!report.Error!.Contains(Path.GetFileName(file)) || !report.Error.Contains(expectedError))
                problems.Add($"the error should name the file and say '{expectedError}': {report.Error}");
            return problems;
        }
        if (!report.Succeeded) return [$"the import failed: {report.Error}"];
        if (report.RowsRead - report.RowsRejected != malformed.GoodRows)
            problems.Add($"{report.RowsRead - report.RowsRejected} good rows, expected {malformed.GoodRows}");

        var quarantined = await new SqlImportStore(backendOpen.Database).ListQuarantineAsync(source.Id, 1000, null, default);
        var lines = quarantined.Select(q => q.Line).Order().ToArray();
        if (!lines.SequenceEqual(malformed.Rejected.Keys.Order()))
            problems.Add($"quarantined lines [{string.Join(", ", lines)}], expected [{string.Join(", ", malformed.Rejected.Keys.Order())}]: " +
                         string.Join(" | ", quarantined.Select(q => $"{q.Line} {q.Reason}")));
        foreach (var row in quarantined)
            if (malformed.Rejected.TryGetValue(row.Line, out var word) && !row.Reason.Contains(word))
                problems.Add($"line {row.Line}: the reason should say '{word}': {row.Reason}");

        var stored = await StoredRowsAsync(source.Id, (backendOpen, reports));
        var expected = source.Id == MalformedCsvCases.Customers ? malformed.GoodRows
            : baseline - malformed.Rejected.Values.Count(reason => reason.Length > 0);
        if (stored != expected) problems.Add($"{stored} rows stored, expected {expected}");
        return problems;
    }

    private async Task<(Backend Backend, IReadOnlyList<ImportReport> Reports)> ImportAsync(Monitoring.Shop.Sources.SourceDefinition source, string? file)
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(default);
        var importer = new ShopImporter(ShopBackend.Writer(opened, TimeProvider.System), new SqlImportStore(opened.Database), TimeProvider.System,
            NullLogger<ShopImporter>.Instance);
        var sources = new SourceImporter(importer, new SqlWatermarkStore(opened.Database, TimeProvider.System), TimeProvider.System,
            NullLogger<SourceImporter>.Instance);
        // Without a file, the source's own glob: the unmodified sample, the baseline of what a clean import stores.
        var reports = await sources.ImportAsync(source, file, null, default);
        return (opened, reports);
    }

    /// <summary>Customers: one account per row. Invoices: one order line or one return per row (none for a zero quantity).</summary>
    private static async Task<long> StoredRowsAsync(string source, (Backend Backend, IReadOnlyList<ImportReport> Reports) import)
    {
        await using var connection = await import.Backend.Database.OpenAsync(default);
        var sql = source == MalformedCsvCases.Customers
            ? "SELECT count(*) FROM accounts"
            : "SELECT (SELECT count(*) FROM order_lines) + (SELECT count(*) FROM returns)";
        return Convert.ToInt64(await connection.ExecuteScalarAsync(sql));
    }
}
