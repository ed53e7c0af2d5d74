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
/// The incremental run computes its scattered changed days in one rollup call (runs of days joined by OR in every
/// query, sessions of several runs in one read): on each backend that call gives exactly the rows of each run computed
/// alone, none for the days between, and the hand-counted visitors of a day. The days straddle the end of summer time
/// in Europe/Paris (2026-10-25, a 25-hour day).
/// </summary>
public abstract class KpiRollupRunsConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly ShopDays Paris = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
    private static readonly DateOnly Oct24 = new(2026, 10, 24), Oct25 = new(2026, 10, 25), Oct26 = new(2026, 10, 26),
        Oct30 = new(2026, 10, 30), Nov3 = new(2026, 11, 3);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "segment", "country", "acquisition_channel", "opened_at"],
            ["a1", "distributor", "FR", "paid_search", At(Oct24, 0).AddDays(-30)]), default);
        await writer.WriteAsync(Batch(ShopModel.Product, ["sku", "category_path", "status", "unit_cost"],
            ["P1", "Tools > Drills", "active", 30m]), default);
        await writer.WriteAsync(Batch(ShopModel.Session, ["id", "visitor_id", "channel", "country", "started_at", "pages", "furthest_step"],
            ["s1", "v1", "organic", "FR", At(Oct24, 23, 30), 1L, "none"],
            ["s2", "v1", "organic", "FR", At(Oct25, 0, 30), 3L, "cart"],     // the next shop day: v1 counts again there
            ["s3", "v2", "email", "DE", At(Oct25, 23, 30), 2L, "product"],   // 23 h 30 after midnight: 22:30, the extra hour
            ["s4", "v1", "email", "FR", At(Oct25, 12), 4L, "order"],         // v1 twice on the 25th: once overall
            ["s5", "v3", "organic", "FR", At(Oct26, 10), 2L, "product"],     // a day between the runs: not computed
            ["s6", "v3", "organic", "FR", At(Oct30, 10), 2L, "checkout"],
            ["s7", "v4", "organic", "BE", At(Nov3, 8), 5L, "payment"]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "account_id", "channel", "country", "placed_at", "status"],
            ["o1", "a1", "web", "FR", At(Oct25, 9), "delivered"], ["o2", "a1", "web", "FR", At(Oct26, 9), "delivered"],
            ["o3", "a1", "phone", "FR", At(Nov3, 9), "delivered"]), default);
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "sku", "quantity", "amount", "unit_cost"],
            ["o1", 1L, "P1", 2m, 100m, 30m], ["o2", 1L, "P1", 1m, 50m, 30m], ["o3", 1L, "P1", 3m, 150m, 30m]), default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Several_runs_in_one_call_give_the_rows_of_each_run_computed_alone()
    {
        var rollup = new SqlKpiRollup(Current.Database);
        (DateOnly, DateOnly)[] runs = [(Oct24, Oct25), (Oct30, Oct30), (Nov3, Nov3)];

        var together = await rollup.ComputeAsync(runs, Paris, default);
        var alone = new List<DailyFacts>();
        foreach (var (first, last) in runs) alone.AddRange(await rollup.ComputeAsync(first, last, Paris, default));

        Assert.Equal(alone.Select(Line), together.Select(Line));
        Assert.DoesNotContain(together, f => f.Day == Oct26);
        var all = together.Where(f => f.Segment.IsAll).ToDictionary(f => f.Day, f => f.Sums);
        Assert.Equal([Oct24, Oct25, Oct30, Nov3], all.Keys.Order());
        Assert.Equal((1, 1), (all[Oct24].Sessions, all[Oct24].Visitors));
        Assert.Equal((3, 2), (all[Oct25].Sessions, all[Oct25].Visitors)); // s2, s3, s4: v1 and v2
        Assert.Equal((1, 1, 100m), (all[Oct25].Orders, all[Oct25].OrderingAccounts, all[Oct25].NetRevenue));
        Assert.Equal((1, 150m), (all[Nov3].Orders, all[Nov3].NetRevenue));
        var oct25Email = together.Single(f => f.Day == Oct25 && f.Segment == new SegmentKey(SegmentKey.AcquisitionChannel, "email")).Sums;
        Assert.Equal((2, 2), (oct25Email.Sessions, oct25Email.Visitors));
    }

    /// <summary>A row as text, every figure included, so that two lists compare in full.</summary>
    private static string Line(DailyFacts f) =>
        $"{f.Day:yyyy-MM-dd} {f.Segment} {System.Text.Json.JsonSerializer.Serialize(f.Sums with { Baskets = BasketHistogram.Empty })} " +
        string.Join(",", f.Sums.Baskets.Counts.Select(c => $"{c.Key}:{c.Value}"));

    /// <summary>The instant of the Paris wall-clock time on that day.</summary>
    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        Paris.StartOf(day).AddHours(hour).AddMinutes(minute).ToUniversalTime();
}

public sealed class SqliteKpiRollupRunsTests() : KpiRollupRunsConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiRollupRunsTests(PostgresFixture postgres) : KpiRollupRunsConformance(new PostgresTestBackend(postgres.Server));
