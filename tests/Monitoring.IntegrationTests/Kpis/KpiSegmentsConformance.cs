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
/// The rollup's segments on each backend, from hand-built rows whose every per-segment figure is worked out by hand:
/// two accounts (a new distributor from paid search in France, an older SME from organic in Germany), three orders
/// (one cancelled) over two top-level categories, four sessions of two visitors, one return.
/// </summary>
public abstract class KpiSegmentsConformance(ITestBackend backend) : IAsyncLifetime
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
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "segment", "country", "acquisition_channel", "opened_at"],
            ["a1", "distributor", "FR", "paid_search", Noon.AddDays(-100)],
            ["a2", "sme", "DE", "organic", Noon.AddDays(-2000)]), default);
        await writer.WriteAsync(Batch(ShopModel.Product, ["sku", "category_path", "status", "unit_cost"],
            ["P1", "Tools > Drills > Bits", "active", 30m], ["P2", "Paint > Interior > White", "active", 20m]), default);
        await writer.WriteAsync(Batch(ShopModel.Session, ["id", "visitor_id", "channel", "country", "started_at", "pages", "furthest_step"],
            ["s1", "v1", "paid_search", "FR", Noon, 1L, "none"],
            ["s2", "v1", "organic", "FR", Noon.AddMinutes(5), 4L, "cart"],   // the same visitor, another channel
            ["s3", "v2", "organic", "DE", Noon, 3L, "order"],
            ["s4", "v2", "organic", "DE", Noon.AddHours(1), 2L, "product"]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "account_id", "channel", "country", "placed_at", "status", "shipping_charged"],
            ["o1", "a1", "web", "FR", Noon, "placed", 10m],
            ["o2", "a2", "phone", "DE", Noon, "delivered", 0m],
            ["o3", "a2", "web", "DE", Noon, "cancelled", 0m]), default);
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "sku", "quantity", "amount", "unit_cost"],
            ["o1", 1L, "P1", 2m, 100m, 30m], ["o1", 2L, "P2", 1m, 50m, 20m], ["o2", 1L, "P1", 1m, 200m, 120m], ["o3", 1L, "P1", 5m, 999m, 1m]), default);
        await writer.WriteAsync(Batch(ShopModel.Return, ["id", "order_id", "line_no", "sku", "quantity", "refund_amount", "returned_at"],
            ["r1", "o2", 1L, "P1", 1m, 200m, Noon.AddHours(2)]), default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Computes_every_segment_of_the_day_as_worked_out_by_hand()
    {
        var rows = (await new SqlKpiRollup(Current.Database).ComputeAsync(Day, Day, Paris, default)).ToDictionary(f => f.Segment, f => f.Sums);
        FactSums Of(string dimension, string value) => rows[new SegmentKey(dimension, value)];

        Assert.Equal(["*", "account_segment=distributor", "account_segment=sme", "acquisition_channel=organic", "acquisition_channel=paid_search",
                "category=Paint", "category=Tools", "country=DE", "country=FR", "customer_type=new", "customer_type=returning",
                "sales_channel=phone", "sales_channel=web"],
            rows.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        var all = rows[SegmentKey.All];
        Assert.Equal((4L, 2L, 2L, 1L, 350m, 2L), (all.Sessions, all.Visitors, all.Orders, all.CancelledOrders, all.NetRevenue, all.OrderingAccounts));

        // Sessions by their own channel and country; each visitor once per channel and once per country.
        var organic = Of(SegmentKey.AcquisitionChannel, "organic");
        Assert.Equal((3L, 2L, 1L), (organic.Sessions, organic.Visitors, organic.OrderStepSessions));
        Assert.Equal((1L, 1L, 1L), (Of(SegmentKey.AcquisitionChannel, "paid_search").Sessions, Of(SegmentKey.AcquisitionChannel, "paid_search").Visitors,
            Of(SegmentKey.AcquisitionChannel, "paid_search").BouncedSessions));
        Assert.Equal((2L, 1L), (Of(SegmentKey.Country, "FR").Sessions, Of(SegmentKey.Country, "FR").Visitors));
        Assert.Equal((2L, 1L), (Of(SegmentKey.Country, "DE").Sessions, Of(SegmentKey.Country, "DE").Visitors));

        // Orders by the account's acquisition channel, the order's channel and country, the account's segment and age.
        Assert.Equal((1L, 1L, 200m), (organic.Orders, organic.CancelledOrders, organic.NetRevenue));
        Assert.Equal((1L, 0L, 150m), (Of(SegmentKey.AcquisitionChannel, "paid_search").Orders, Of(SegmentKey.AcquisitionChannel, "paid_search").CancelledOrders,
            Of(SegmentKey.AcquisitionChannel, "paid_search").NetRevenue));
        var web = Of(SegmentKey.SalesChannel, "web");
        Assert.Equal((1L, 1L, 1L, 150m, 10m), (web.Orders, web.WebOrders, web.CancelledOrders, web.NetRevenue, web.ShippingCharged));
        Assert.Equal((1L, 0L, 200m), (Of(SegmentKey.SalesChannel, "phone").Orders, Of(SegmentKey.SalesChannel, "phone").WebOrders, Of(SegmentKey.SalesChannel, "phone").NetRevenue));
        Assert.Equal((1L, 150m, 1L), (Of(SegmentKey.AccountSegment, "distributor").Orders, Of(SegmentKey.AccountSegment, "distributor").NetRevenue,
            Of(SegmentKey.AccountSegment, "distributor").OrderingAccounts));
        Assert.Equal((1L, 1L, 200m, 120m), (Of(SegmentKey.AccountSegment, "sme").Orders, Of(SegmentKey.AccountSegment, "sme").CancelledOrders,
            Of(SegmentKey.AccountSegment, "sme").NetRevenue, Of(SegmentKey.AccountSegment, "sme").CostOfGoods));
        Assert.Equal((1L, 150m, 1L), (Of(SegmentKey.CustomerType, "new").Orders, Of(SegmentKey.CustomerType, "new").NetRevenue,
            Of(SegmentKey.CustomerType, "new").NewAccountOrders));
        Assert.Equal((1L, 200m), (Of(SegmentKey.CustomerType, "returning").Orders, Of(SegmentKey.CustomerType, "returning").NetRevenue));

        // Lines by their product's top-level category: an order counts in each category it has a line in.
        var tools = Of(SegmentKey.Category, "Tools");
        Assert.Equal((2L, 2L, 3m, 300m, 2 * 30m + 120m), (tools.Orders, tools.OrderLines, tools.UnitsSold, tools.NetRevenue, tools.CostOfGoods));
        var paint = Of(SegmentKey.Category, "Paint");
        Assert.Equal((1L, 1L, 1m, 50m, 20m), (paint.Orders, paint.OrderLines, paint.UnitsSold, paint.NetRevenue, paint.CostOfGoods));

        // The return: the whole shop, its order's segments and its product's category.
        Assert.Equal((1m, 1m, 1m, 1m, 0m), (all.ReturnedUnits, tools.ReturnedUnits, Of(SegmentKey.SalesChannel, "phone").ReturnedUnits,
            Of(SegmentKey.CustomerType, "returning").ReturnedUnits, paint.ReturnedUnits));
    }

    [Fact]
    public async Task The_report_compares_a_segment_and_lists_the_segments_that_have_data()
    {
        var store = new SqlKpiFactsStore(Current.Database, TimeProvider.System);
        await store.ReplaceAsync(Day, Day, await new SqlKpiRollup(Current.Database).ComputeAsync(Day, Day, Paris, default), default);
        var report = new KpiReport(store, Current.Database);

        var phone = await report.ForAsync(Period.Day(Day), new SegmentKey(SegmentKey.SalesChannel, "phone"), default);
        var tools = await report.ForAsync(Period.Day(Day), new SegmentKey(SegmentKey.Category, "Tools"), default);
        var segments = await report.SegmentsAsync(Period.Day(Day), default);

        Assert.Equal(200m, phone.Single(c => c.Kpi.Id == "net_revenue").Current.Value);
        Assert.Equal(1m, phone.Single(c => c.Kpi.Id == "return_rate").Current.Value);          // 1 unit returned of 1 sold
        Assert.DoesNotContain(phone, c => c.Kpi.Id == "sessions");                            // sessions have no sales channel
        Assert.Equal(1m / 3m, tools.Single(c => c.Kpi.Id == "return_rate").Current.Value);     // 1 of 3 units
        Assert.Equal(0.4m, tools.Single(c => c.Kpi.Id == "gross_margin_rate").Current.Value);  // (300 − 180) ÷ 300
        Assert.Equal(SegmentKey.All, segments[0]);
        Assert.Contains(new SegmentKey(SegmentKey.Category, "Paint"), segments);
        Assert.Equal(13, segments.Count);
    }

    [Fact]
    public async Task Replacing_a_day_drops_the_segments_it_no_longer_has()
    {
        var store = new SqlKpiFactsStore(Current.Database, TimeProvider.System);
        var stale = new DailyFacts(Day, new SegmentKey(SegmentKey.Country, "IT"), new FactSums { Orders = 9 });
        await store.ReplaceAsync(Day, Day, [stale], default);

        await store.ReplaceAsync(Day, Day, await new SqlKpiRollup(Current.Database).ComputeAsync(Day, Day, Paris, default), default);

        Assert.DoesNotContain(await store.LoadAsync(Day, Day, default), f => f.Segment == stale.Segment);
    }
}

public sealed class SqliteKpiSegmentsTests() : KpiSegmentsConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiSegmentsTests(PostgresFixture postgres) : KpiSegmentsConformance(new PostgresTestBackend(postgres.Server));
