using Monitoring.Checks;
using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Kpis;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using static Monitoring.IntegrationTests.Shop.EntityBatches;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// The KPIs that are not daily sums, fed from the store on each backend: attrition and purchase frequency from the
/// accounts' order histories, and the stock KPIs from the stock table per warehouse and the products' costs. Week
/// 2026-W47 (16 to 22 November), seen on Monday 23 November; every figure worked out by hand.
/// </summary>
public abstract class KpiReportFeedsConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period Week = Period.IsoWeek(2026, 47);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "segment"], ["steady", "sme"], ["lost", "distributor"], ["fading", "sme"]), default);
        var orders = Batch(ShopModel.Order, ["id", "account_id", "placed_at", "status"]);
        void Order(string id, string account, int month, int day) => orders.Add([id, account, new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.Zero), "delivered"]);
        // steady: every 14 days, last on 18 November: active at the start and the end of the week.
        Order("s1", "steady", 10, 21); Order("s2", "steady", 11, 4); Order("s3", "steady", 11, 18);
        // lost: last order 29 August, 78 days silent on 15 November > 60: churned before the week, not counted.
        Order("l1", "lost", 8, 1); Order("l2", "lost", 8, 15); Order("l3", "lost", 8, 29);
        // fading: last order 22 September: 54 days silent on the eve (at risk), 61 > 60 on 22 November: churned in the week.
        Order("f1", "fading", 9, 8); Order("f2", "fading", 9, 22);
        orders.Add(["x1", "steady", new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), "cancelled"]); // no purchase
        await writer.WriteAsync(orders, default);
        // The week's only counted line: 2 × P1 at a cost of 10 → cost of goods 20.
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "sku", "quantity", "amount", "unit_cost"],
            ["s3", 1L, "P1", 2m, 100m, 10m], ["x1", 1L, "P3", 1m, 10m, 2m]), default);
        await writer.WriteAsync(Batch(ShopModel.Product, ["sku", "category_path", "status", "unit_cost"],
            ["P1", "Tools > Drills", "active", 10m], ["P2", "Tools > Saws", "active", 5m], ["P3", "Paint > Walls", "discontinued", 2m]), default);
        await writer.WriteAsync(Batch(ShopModel.Stock, ["sku", "warehouse", "quantity", "reserved"],
            ["P1", "north", 10m, 1m], ["P1", "south", -3m, 0m],  // a negative warehouse counts as empty: 10 on hand
            ["P3", "north", 50m, 0m]), default);                  // P2 has no stock row: out of stock

        var store = new SqlKpiFactsStore(Current.Database, TimeProvider.System);
        var utc = new ShopDays(TimeZoneInfo.Utc);
        await store.ReplaceAsync(Week.Start, Week.End, await new SqlKpiRollup(Current.Database).ComputeAsync(Week.Start, Week.End, utc, default), default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    private KpiReport Report() => new(new SqlKpiFactsStore(Current.Database, TimeProvider.System), Current.Database,
        new SqlAccountHistories(Current.Database), new SqlStockSnapshots(Current.Database),
        new ActiveChecks(new CheckSet("checks", new MonitoringSettings(), [])), new FixedClock(Now));

    [Fact]
    public async Task Attrition_and_purchase_frequency_come_from_the_order_histories()
    {
        var all = (await Report().ForAsync(Week, default)).ToDictionary(c => c.Kpi.Id);
        var sme = (await Report().ForAsync(Week, new SegmentKey(SegmentKey.AccountSegment, "sme"), default)).ToDictionary(c => c.Kpi.Id);

        // Active on the eve: steady and fading; churned during the week: fading.
        Assert.Equal((0.5m, 1m, 2m), (all["attrition_rate"].Current.Value, all["attrition_rate"].Current.Numerator, all["attrition_rate"].Current.Denominator));
        // Orders in the 365 days to 22 November: 3 + 3 + 2 = 8, by 3 accounts.
        Assert.Equal((8m, 3m), (all["purchase_frequency"].Current.Numerator, all["purchase_frequency"].Current.Denominator));
        Assert.Equal(1m, all["repeat_account_rate"].Current.Denominator); // steady is the week's only ordering account
        Assert.Equal((0.5m, 2.5m), (sme["attrition_rate"].Current.Value, sme["purchase_frequency"].Current.Value)); // (3 + 2) ÷ 2
    }

    [Fact]
    public async Task The_stock_kpis_come_from_the_stock_table_and_the_product_costs()
    {
        var all = (await Report().ForAsync(Week, default)).ToDictionary(c => c.Kpi.Id);
        var tools = (await Report().ForAsync(Week, new SegmentKey(SegmentKey.Category, "Tools"), default)).ToDictionary(c => c.Kpi.Id);

        Assert.Equal(10 * 10m + 50 * 2m, all["stock_value"].Current.Value);                 // P1 100 + P3 100; P2 none
        Assert.Equal(0.5m, all["stock_out_rate"].Current.Value);                            // P2 of the sellable P1, P2
        Assert.Equal(0.5m, all["dead_stock_share"].Current.Value);                          // P3 never sold (its order was cancelled)
        Assert.Equal(20m * 365 / 7 / 200m, all["stock_turnover"].Current.Value);            // cost of goods a year ÷ stock value
        Assert.Equal(70m, Math.Round(all["days_in_stock"].Current.Value!.Value, 6));          // 200 ÷ (20 ÷ 7)
        Assert.Equal((100m, 0.5m, 0m), (tools["stock_value"].Current.Value, tools["stock_out_rate"].Current.Value, tools["dead_stock_share"].Current.Value));
        // Older periods have no stock snapshot: the stock table holds today's levels only.
        Assert.Null(all["stock_value"].Previous.Value);
    }

    [Fact]
    public async Task The_stock_history_keeps_each_days_figures_for_the_periods_long_past()
    {
        var checks = new ActiveChecks(new CheckSet("checks", new MonitoringSettings(), []));
        var history = new SqlStockHistory(Current.Database);
        var recorded = await new StockHistoryRecorder(new SqlStockSnapshots(Current.Database), history, checks, new FixedClock(Now))
            .RecordTodayAsync(default);
        // The end of W46 (Sunday 15 November), also the eve of W47: 300 of stock, 1 of 4 sellable SKUs out, 30 dead.
        await history.AddMissingAsync([("*", new StockFigures(new DateOnly(2026, 11, 15), 300m, 4, 1, 30m))], Now, default);
        var report = new KpiReport(new SqlKpiFactsStore(Current.Database, TimeProvider.System), Current.Database,
            new SqlAccountHistories(Current.Database), new SqlStockSnapshots(Current.Database), checks, new FixedClock(Now), history);

        var all = (await report.ForAsync(Week, default)).ToDictionary(c => c.Kpi.Id);

        Assert.Equal(new StockFigures(new DateOnly(2026, 11, 23), 200m, 2, 1, 100m), recorded["*"]);
        Assert.Equal(new StockFigures(new DateOnly(2026, 11, 23), 100m, 2, 1, 0m), recorded["Tools"]);
        Assert.Equal(new StockFigures(new DateOnly(2026, 11, 23), 100m, 0, 0, 100m), recorded["Paint"]);
        Assert.Equal(3, (await history.LoadAsync("*", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), default)).Count
            + (await history.LoadAsync("Tools", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), default)).Count);
        Assert.Equal(200m, all["stock_value"].Current.Value);                               // no row for the 22nd: today's stock
        Assert.Equal(20m * 365 / 7 / ((300m + 200m) / 2), all["stock_turnover"].Current.Value); // the eve's 300 and the end's 200
        Assert.Equal(300m, all["stock_value"].Previous.Value);                              // W46 ends on the 15th, kept
        Assert.Equal(0.25m, all["stock_out_rate"].Previous.Value);
        Assert.Equal(0.1m, all["dead_stock_share"].Previous.Value);
        Assert.Null(all["stock_value"].YearEarlier.Value);                                  // nothing kept a year ago
    }

    [Fact]
    public async Task A_days_later_reading_replaces_its_earlier_one()
    {
        var history = new SqlStockHistory(Current.Database);
        var day = new DateOnly(2026, 11, 23);
        await history.SaveAsync(day, new Dictionary<string, StockFigures> { ["*"] = new(day, 10m, 1, 0, 0m), ["Old"] = new(day, 10m, 1, 0, 0m) }, Now, default);
        await history.SaveAsync(day, new Dictionary<string, StockFigures> { ["*"] = new(day, 12m, 1, 0, 0m) }, Now.AddHours(1), default);
        var added = await history.AddMissingAsync([("*", new StockFigures(day, 99m, 1, 0, 0m)), ("*", new StockFigures(day.AddDays(-1), 11m, 1, 0, 0m))],
            Now, default);

        Assert.Equal(1, added);                                                             // the 23rd was kept, the 22nd added
        Assert.Equal(12m, (await history.LoadAsync("*", day, day, default))[day].Value);
        Assert.Empty(await history.LoadAsync("Old", day, day, default));                    // a category gone from today's reading
        Assert.Equal(2, await history.DaysAsync(default));
    }


    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteKpiReportFeedsTests() : KpiReportFeedsConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiReportFeedsTests(PostgresFixture postgres) : KpiReportFeedsConformance(new PostgresTestBackend(postgres.Server));
