using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Kpis;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using static Monitoring.IntegrationTests.Shop.EntityBatches;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// The cost of goods of order lines, quantity × unit cost: PostgreSQL's reader multiplies the two arrays the COPY
/// sends, SQLite's query multiplies in SQL, and both must give the sums worked out here by hand, with a fractional
/// quantity and cost, a line without a unit cost (no cost, as SQL's null product), and a cancelled order's lines (not
/// counted), for the whole shop and per top-level category.
/// </summary>
public abstract class KpiLineCostsConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 18);
    private static readonly ShopDays Paris = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
    private static readonly DateTimeOffset Noon = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Product, ["sku", "category_path", "status"],
            ["P1", "Tools > Drills", "active"], ["P2", "Paint > Interior", "active"]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "channel", "placed_at", "status"],
            ["o1", "web", Noon, "placed"], ["o2", "web", Noon, "cancelled"]), default);
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "sku", "quantity", "amount", "unit_cost"],
            ["o1", 1L, "P1", 2.5m, 40m, 3.125m],    // 7.8125
            ["o1", 2L, "P1", 4m, 20m, 1.1m],        // 4.4
            ["o1", 3L, "P2", 3m, 15m, null],        // no cost
            ["o1", 4L, "P2", 0.5m, 5m, 0.07m],      // 0.035
            ["o2", 1L, "P1", 9m, 90m, 8m]), default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Sums_each_line_s_quantity_times_unit_cost_as_worked_out_by_hand()
    {
        var rows = (await new SqlKpiRollup(Current.Database).ComputeAsync(Day, Day, Paris, default)).ToDictionary(f => f.Segment, f => f.Sums);

        Assert.Equal(12.2475m, rows[SegmentKey.All].CostOfGoods);
        Assert.Equal(80m, rows[SegmentKey.All].NetRevenue);
        Assert.Equal(12.2125m, rows[new SegmentKey(SegmentKey.Category, "Tools")].CostOfGoods);
        Assert.Equal(0.035m, rows[new SegmentKey(SegmentKey.Category, "Paint")].CostOfGoods);
    }
}

public sealed class SqliteKpiLineCostsTests() : KpiLineCostsConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiLineCostsTests(PostgresFixture postgres) : KpiLineCostsConformance(new PostgresTestBackend(postgres.Server));
