using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>
/// The import pipeline against a real store: good rows written, bad rows quarantined with line and reason, a report
/// per entity, a second import of the same rows changing nothing, and fixed rows leaving the quarantine.
/// </summary>
public abstract class ShopImporterConformance(ITestBackend backend) : IAsyncLifetime
{
    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    private IImportStore Imports => new SqlImportStore(Current.Database);

    private ShopImporter Importer(int batchSize = 3) =>
        new(ShopBackend.Writer(Current, TimeProvider.System), Imports, TimeProvider.System, NullLogger<ShopImporter>.Instance)
        {
            BatchSize = batchSize,
        };

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Writes_the_good_rows_and_quarantines_the_bad_ones_with_line_and_reason()
    {
        var report = await Importer().ImportAsync("erp", Lines(Good(2, "o1"), Bad(3, "quantity: 'abc' is not a number"),
            Good(4, "o2"), Good(5, "o3"), Good(6, "o4"), Bad(7, "order.id: required")), null, CancellationToken.None);

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(6, report.RowsRead);
        Assert.Equal(2, report.RowsRejected);
        var orders = report.Entities["order"];
        Assert.Equal((4, 4, 0, 0), (orders.Read, orders.Inserted, orders.Updated, orders.Unchanged));
        Assert.Equal(2, orders.Rejected);

        var quarantined = await Imports.ListQuarantineAsync("erp", 10, null, CancellationToken.None);
        Assert.Equal([3L, 7L], quarantined.Select(q => q.Line).Order());
        var line3 = quarantined.Single(q => q.Line == 3);
        Assert.Equal("quantity: 'abc' is not a number", line3.Reason);
        Assert.Equal("abc", line3.Raw["Quantity"]);
        Assert.Equal("exports/orders.csv", line3.Origin);
        Assert.Equal(4, await CountAsync("orders"));
    }

    [Fact]
    public async Task Importing_the_same_rows_twice_changes_nothing_and_keeps_one_quarantine_row_per_line()
    {
        IMappedRowReader File() => Lines(Good(2, "o1"), Bad(3, "bad"), Good(4, "o2"));
        await Importer().ImportAsync("erp", File(), null, CancellationToken.None);

        var second = await Importer().ImportAsync("erp", File(), null, CancellationToken.None);

        Assert.Equal((0, 0, 2), (second.Entities["order"].Inserted, second.Entities["order"].Updated, second.Entities["order"].Unchanged));
        Assert.Equal(1, await Imports.CountQuarantineAsync("erp", CancellationToken.None));
    }

    [Fact]
    public async Task A_fixed_row_leaves_the_quarantine_when_its_file_is_imported_again()
    {
        await Importer().ImportAsync("erp", Lines(Good(2, "o1"), Bad(3, "bad")), null, CancellationToken.None);

        await Importer().ImportAsync("erp", Lines(Good(2, "o1"), Good(3, "o9")), null, CancellationToken.None);

        Assert.Equal(0, await Imports.CountQuarantineAsync("erp", CancellationToken.None));
        Assert.Equal(2, await CountAsync("orders"));
    }

    [Fact]
    public async Task An_older_runs_late_write_does_not_let_a_newer_run_release_the_rows_it_rejected()
    {
        var raw = new Dictionary<string, string?> { ["Quantity"] = "abc" };
        await Imports.QuarantineAsync(3, "erp", "lines.csv", [MappedRow.Rejected(5, "newer", raw)], DateTimeOffset.UtcNow, default);
        await Imports.QuarantineAsync(2, "erp", "lines.csv", [MappedRow.Rejected(5, "older", raw)], DateTimeOffset.UtcNow, default);

        var released = await Imports.ReleaseFixedAsync("erp", "lines.csv", 3, default);

        Assert.Equal(0, released);
        var row = Assert.Single(await Imports.ListQuarantineAsync("erp", 10, null, default));
        Assert.Equal(("newer", 3L), (row.Reason, row.RunId));
    }

    [Fact]
    public async Task Records_each_run_with_its_counts()
    {
        await Importer().ImportAsync("erp", Lines(Good(2, "o1"), Bad(3, "bad")), null, CancellationToken.None);

        var run = Assert.Single(await Imports.ListRunsAsync("erp", 10, CancellationToken.None));
        Assert.Equal(("succeeded", 2L, 1L), (run.Status, run.RowsRead, run.RowsRejected));
        using var entities = System.Text.Json.JsonDocument.Parse(run.ReportJson!);
        Assert.Equal(1, entities.RootElement.GetProperty("order").GetProperty("inserted").GetInt64());
    }

    [Fact]
    public async Task Reports_progress_while_reading()
    {
        var seen = new List<ImportProgress>();
        var rows = Enumerable.Range(0, 10).Select(i => Good(i + 2, $"o{i}")).ToArray();

        await new ShopImporter(ShopBackend.Writer(Current, TimeProvider.System), Imports, TimeProvider.System, NullLogger<ShopImporter>.Instance)
        {
            ProgressEvery = 4,
        }.ImportAsync("erp", Lines(rows), new SynchronousProgress(seen.Add), CancellationToken.None);

        Assert.Equal([4L, 8L, 10L], seen.Select(p => p.Rows));
        Assert.Equal(1.0, seen[^1].Fraction);
    }

    [Fact]
    public async Task A_reader_that_fails_midway_leaves_the_rows_before_written_and_the_run_failed()
    {
        var reader = Lines(Good(2, "o1"), Good(3, "o2"), Good(4, "o3"), Good(5, "o4"));
        reader.FailAfter = 4;

        var report = await Importer(batchSize: 2).ImportAsync("erp", reader, null, CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Contains("the disk went away", report.Error);
        Assert.Equal("failed", (await Imports.ListRunsAsync("erp", 1, CancellationToken.None))[0].Status);
        Assert.True(await CountAsync("orders") >= 2, "the first full batch was written before the failure");
    }

    [Fact]
    public async Task A_run_left_running_by_a_killed_process_is_closed_as_interrupted_by_the_next_complete_import()
    {
        // What a process killed mid-import leaves: its run started and never finished, one of another file too.
        var killed = await Imports.StartRunAsync("erp", "exports/orders.csv", DateTimeOffset.UtcNow, CancellationToken.None);
        var otherFile = await Imports.StartRunAsync("erp", "exports/other.csv", DateTimeOffset.UtcNow, CancellationToken.None);

        var report = await Importer().ImportAsync("erp", Lines(Good(2, "o1")), null, CancellationToken.None);

        var runs = (await Imports.ListRunsAsync("erp", 10, CancellationToken.None)).ToDictionary(r => r.Id);
        Assert.Equal("interrupted", runs[killed].Status);
        Assert.NotNull(runs[killed].FinishedAt);
        Assert.Contains($"run {report.RunId} imported the origin again", runs[killed].Error);
        Assert.Equal("running", runs[otherFile].Status);
        Assert.Equal("succeeded", runs[report.RunId].Status);
    }

    private static readonly EntityTarget OrderTarget = new(ShopModel.Order, [ShopModel.Order.Find("id")!, ShopModel.Order.Find("status")!]);

    private static MappedRow Good(long line, string orderId) => new() { Line = line, Values = [[orderId, "placed"]] };

    private static MappedRow Bad(long line, string reason) =>
        MappedRow.Rejected(line, reason, new Dictionary<string, string?> { ["Quantity"] = "abc" }, "order");

    private static ListReader Lines(params MappedRow[] rows) => new(rows);

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Current.Database.OpenAsync(CancellationToken.None);
        return Convert.ToInt64(await connection.ExecuteScalarAsync($"SELECT count(*) FROM {table}"));
    }

    /// <summary>A reader over rows in memory, standing for a file of orders.</summary>
    private sealed class ListReader(IReadOnlyList<MappedRow> rows) : IMappedRowReader
    {
        private int _next;

        public int? FailAfter { get; set; }

        public string Origin => "exports/orders.csv";

        public IReadOnlyList<EntityTarget> Targets { get; } = [OrderTarget];

        public long Position => _next;

        public long? Length => rows.Count;

        public ValueTask<MappedRow?> ReadAsync(CancellationToken cancellationToken)
        {
            if (_next == FailAfter) throw new IOException("the disk went away");
            return ValueTask.FromResult(_next < rows.Count ? rows[_next++] : null);
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
