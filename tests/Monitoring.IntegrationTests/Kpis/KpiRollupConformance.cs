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
/// One shop day's fact sums computed from hand-built rows on each backend, every figure worked out by hand: the
/// Paris day of 2026-03-29 is 23 hours long (summer time starts), and rows just outside it must not count.
/// </summary>
public abstract class KpiRollupConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 3, 29);
    private static readonly ShopDays Paris = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    // 2026-03-29 in Paris runs from 2026-03-28T23:00Z to 2026-03-29T22:00Z.
    private static readonly DateTimeOffset Inside = new(2026, 3, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset JustBefore = new(2026, 3, 28, 22, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset JustAfter = new(2026, 3, 29, 22, 0, 0, TimeSpan.Zero);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Session, ["id", "visitor_id", "account_id", "started_at", "pages", "furthest_step", "is_synthetic"],
            ["s1", "v1", null, Inside, 1L, "none", false],
            ["s2", "v1", "a1", Inside, 5L, "cart", false],
            ["s3", "v2", "a1", Inside, 9L, "order", false],
            ["s4", "v3", null, Inside, 3L, "payment", false],
            ["s5", "v9", null, Inside, 3L, "order", true],          // a probe's: left out
            ["s6", "v4", null, JustBefore, 2L, "product", false],   // the day before
            ["s7", "v5", null, JustAfter, 2L, "product", false]), default); // the day after
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "opened_at"], ["a1", Inside.AddDays(-30)], ["a2", Inside.AddDays(-900)]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "account_id", "channel", "placed_at", "status", "discount", "shipping_charged", "is_synthetic"],
            ["o1", "a1", "web", Inside, "placed", 5m, 10m, false],
            ["o2", "a2", "erp_direct", Inside, "delivered", 0m, 0m, false],
            ["o3", "a2", "web", Inside, "cancelled", 0m, 0m, false],
            ["o4", "a2", "web", Inside, "placed", 0m, 0m, true],
            ["o5", "a2", "web", JustAfter, "placed", 0m, 0m, false]), default);
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "quantity", "amount", "unit_cost"],
            ["o1", 1L, 2m, 100m, 30m], ["o1", 2L, 1m, 20m, 12m], ["o2", 1L, 10m, 300m, 20m], ["o3", 1L, 1m, 999m, 1m],
            ["o4", 1L, 1m, 999m, 1m], ["o5", 1L, 1m, 999m, 1m]), default);
        await writer.WriteAsync(Batch(ShopModel.PaymentAttempt, ["id", "attempted_at", "status", "fee"],
            ["p1", Inside, "authorised", 0.5m], ["p2", Inside, "refused", 0m], ["p3", Inside, "error", 0m]), default);
        await writer.WriteAsync(Batch(ShopModel.Shipment, ["id", "order_id", "shipped_at", "delivered_at", "promised_days", "cost"],
            ["sh1", "o2", Inside, Inside.AddDays(2), 2L, 8m]), default);
        await writer.WriteAsync(Batch(ShopModel.Review, ["id", "kind", "score", "answered_at"],
            ["r1", "nps", 10L, Inside], ["r2", "nps", 7L, Inside], ["r3", "nps", 3L, Inside], ["r4", "review", 4L, Inside]), default);
        await writer.WriteAsync(Batch(ShopModel.MarketingSpend, ["day", "channel", "amount"], [Day, "paid_search", 120m], [Day.AddDays(1), "paid_search", 99m]), default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Sums_one_shop_day_as_worked_out_by_hand()
    {
        var f = await new SqlKpiRollup(Current.Database).ComputeDayAsync(Day, Paris, default);

        Assert.Equal((4L, 3L, 1L, 2L), (f.Sessions, f.Visitors, f.BouncedSessions, f.SignedInSessions));
        Assert.Equal((3L, 3L, 2L, 2L, 1L), (f.ProductStepSessions, f.CartStepSessions, f.CheckoutStepSessions, f.PaymentStepSessions, f.OrderStepSessions));
        Assert.Equal((3L, 2L, 0.5m), (f.PaymentAttempts, f.PaymentRefusals, f.PaymentFees));
        Assert.Equal((2L, 1L, 1L, 2L), (f.Orders, f.WebOrders, f.CancelledOrders, f.OrderingAccounts));
        Assert.Equal((3L, 13m, 420m), (f.OrderLines, f.UnitsSold, f.NetRevenue));
        Assert.Equal(2 * 30m + 12m + 10 * 20m, f.CostOfGoods);
        Assert.Equal((5m, 10m), (f.Discount, f.ShippingCharged));
        Assert.Equal((1L, 120m, 1L, 300m), (f.NewAccountOrders, f.NewAccountRevenue, f.ReturningAccountOrders, f.ReturningAccountRevenue));
        Assert.Equal(2, f.Baskets.Total);
        Assert.Equal((1L, 8m), (f.Shipments, f.ShippingCost));
        Assert.Equal((1L, 1L, 1L, 4L, 1L), (f.NpsPromoters, f.NpsPassives, f.NpsDetractors, f.ReviewScoreSum, f.ReviewCount));
        Assert.Equal(120m, f.MarketingSpend);
        Assert.Equal(0L, f.NewAccounts);
    }

    [Fact]
    public async Task Counts_a_delivery_on_the_day_it_arrived_and_on_time_when_within_the_promise()
    {
        var arrival = await new SqlKpiRollup(Current.Database).ComputeDayAsync(Day.AddDays(2), Paris, default);

        Assert.Equal((1L, 1L, 2L), (arrival.DeliveredShipments, arrival.OnTimeDeliveries, arrival.DeliveryDaysTotal));
    }

    [Fact]
    public async Task Stores_and_reads_back_the_daily_rows_with_their_basket_histogram()
    {
        var sums = await new SqlKpiRollup(Current.Database).ComputeDayAsync(Day, Paris, default);
        var store = new SqlKpiFactsStore(Current.Database, TimeProvider.System);

        await store.SaveAsync([new DailyFacts(Day, SegmentKey.All, sums)], default);
        await store.SaveAsync([new DailyFacts(Day, SegmentKey.All, sums)], default);
        var back = Assert.Single(await store.LoadAsync(Day, Day, default));

        Assert.Equal((sums.NetRevenue, sums.Orders, sums.Baskets.Median), (back.Sums.NetRevenue, back.Sums.Orders, back.Sums.Baskets.Median));
        var conversion = KpiCatalog.Find("conversion_rate")!.Evaluate(new DailyFactsSet([back]).Input(Period.Day(Day), SegmentKey.All));
        Assert.Equal(0.25m, conversion.Value); // one web order for four sessions
    }
}

public sealed class SqliteKpiRollupTests() : KpiRollupConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiRollupTests(PostgresFixture postgres) : KpiRollupConformance(new PostgresTestBackend(postgres.Server));
