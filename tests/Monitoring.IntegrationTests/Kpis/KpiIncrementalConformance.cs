using Microsoft.Extensions.Logging.Abstractions;
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
/// The incremental run on each backend recomputes exactly the days whose rows an import changed (a late cancellation
/// 100 days back, a return), nothing when nothing changed, and, for an account whose segment changed, the days of its
/// orders within the restatement window only. The clock is set by hand, so changed_at and the watermark are known.
/// </summary>
public abstract class KpiIncrementalConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateOnly Cancelled = Today.AddDays(-100), Recent = Today.AddDays(-10), Older = Today.AddDays(-50), Returned = Today.AddDays(-5);

    private readonly Clock clock = new();
    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Recomputes_only_the_days_an_import_changed()
    {
        var writer = ShopBackend.Writer(Current, clock);
        var runner = new KpiRunner(new SqlKpiRollup(Current.Database), new SqlKpiFactsStore(Current.Database, clock),
            new SqlWatermarkStore(Current.Database, clock), new ActiveChecks(new CheckSet("checks", new MonitoringSettings { TimeZone = "UTC" }, [])),
            Current.Database, clock, NullLogger<KpiRunner>.Instance);
        var facts = new SqlKpiFactsStore(Current.Database, clock);

        clock.Now = At(Today, 10);
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "segment", "opened_at"],
            ["a1", "sme", new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero)],
            ["a2", "sme", new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.Zero)]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "account_id", "channel", "placed_at", "status"],
            ["o1", "a1", "web", At(Cancelled, 9), "delivered"], ["o2", "a2", "web", At(Recent, 9), "delivered"],
            ["o3", "a2", "web", At(Older, 9), "delivered"]), default);
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "quantity", "amount", "unit_cost"],
            ["o1", 1L, 1m, 100m, 50m], ["o2", 1L, 2m, 40m, 10m], ["o3", 1L, 3m, 90m, 20m]), default);

        clock.Now = At(Today, 12);
        Assert.Equal(101, await runner.RunAsync(recomputeAll: false, null, default)); // no watermark yet: the whole history

        // 13:30: an import cancels o1 (placed 100 days ago) and brings a return of o3, dated 5 days ago.
        clock.Now = At(Today, 13, 30);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "status"], ["o1", "cancelled"]), default);
        await writer.WriteAsync(Batch(ShopModel.Return, ["id", "order_id", "quantity", "refund_amount", "returned_at"],
            ["r1", "o3", 1m, 30m, At(Returned, 9)]), default);

        clock.Now = At(Today, 15);
        Assert.Equal(2, await runner.RunAsync(recomputeAll: false, null, default));
        var cancelledDay = Assert.Single(await facts.LoadAsync(Cancelled, Cancelled, default, SegmentKey.All)).Sums;
        Assert.Equal((0L, 1L, 0m), (cancelledDay.Orders, cancelledDay.CancelledOrders, cancelledDay.NetRevenue));
        var returnDay = Assert.Single(await facts.LoadAsync(Returned, Returned, default, SegmentKey.All)).Sums;
        Assert.Equal((1L, 1m, 30m), (returnDay.ReturnLines, returnDay.ReturnedUnits, returnDay.ReturnsAmount));

        // 17:00: nothing changed since 14:00 (the last run's start, 15:00, less the hour of overlap).
        clock.Now = At(Today, 17);
        Assert.Equal(0, await runner.RunAsync(recomputeAll: false, null, default));

        // 19:00: a2 becomes a distributor. Its order 10 days ago (inside the 35-day window) is restated under the new
        // segment; its order 50 days ago keeps the old one. The day it opened (new accounts by segment) is 2021, before
        // the shop's first order: a full recompute never computes it, so neither does this run.
        clock.Now = At(Today, 19);
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "segment"], ["a2", "distributor"]), default);
        clock.Now = At(Today, 20);
        Assert.Equal(1, await runner.RunAsync(recomputeAll: false, null, default));
        Assert.Empty(await facts.LoadAsync(new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 1), default, SegmentKey.All));
        Assert.Equal(1L, Assert.Single(await facts.LoadAsync(Recent, Recent, default, new SegmentKey(SegmentKey.AccountSegment, "distributor"))).Sums.Orders);
        Assert.Empty(await facts.LoadAsync(Recent, Recent, default, new SegmentKey(SegmentKey.AccountSegment, "sme")));
        Assert.Equal(1L, Assert.Single(await facts.LoadAsync(Older, Older, default, new SegmentKey(SegmentKey.AccountSegment, "sme"))).Sums.Orders);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);


    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class SqliteKpiIncrementalTests() : KpiIncrementalConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiIncrementalTests(PostgresFixture postgres) : KpiIncrementalConformance(new PostgresTestBackend(postgres.Server));
