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
/// How an order takes its account's dimensions, at the edges: PostgreSQL joins the accounts in C# (read once, then
/// matched to each order), SQLite in its query, and both must give what is worked out here by hand. Five counted
/// orders at noon: one of an account opened exactly 365 × 24 hours before (new), one of an account opened a second
/// earlier (returning), one of an account without an opening date or segment (returning, no segment), one whose
/// account id no account has (returning, no segment, no acquisition channel), and one without an account.
/// </summary>
public abstract class KpiOrderAccountsConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 18);
    private static readonly ShopDays Paris = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
    private static readonly DateTimeOffset Noon = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Year = TimeSpan.FromHours(8760);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "segment", "acquisition_channel", "opened_at"],
            ["edge", "distributor", "email", Noon - Year],
            ["older", "distributor", "email", Noon - Year - TimeSpan.FromSeconds(1)],
            ["undated", null, "organic", null]), default);
        await writer.WriteAsync(Batch(ShopModel.Order, ["id", "account_id", "channel", "country", "placed_at", "status"],
            ["o1", "edge", "web", "FR", Noon, "placed"],
            ["o2", "older", "web", "FR", Noon, "placed"],
            ["o3", "undated", "web", "FR", Noon, "placed"],
            ["o4", "ghost", "web", "FR", Noon, "placed"],
            ["o5", null, "web", "FR", Noon, "placed"]), default);
        await writer.WriteAsync(Batch(ShopModel.OrderLine, ["order_id", "line_no", "sku", "quantity", "amount", "unit_cost"],
            ["o1", 1L, "P1", 1m, 1m, 0m], ["o2", 1L, "P1", 1m, 10m, 0m], ["o3", 1L, "P1", 1m, 100m, 0m],
            ["o4", 1L, "P1", 1m, 1000m, 0m], ["o5", 1L, "P1", 1m, 10000m, 0m]), default);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Orders_take_the_dimensions_of_the_account_whose_id_they_carry_exactly()
    {
        var rows = (await new SqlKpiRollup(Current.Database).ComputeAsync(Day, Day, Paris, default)).ToDictionary(f => f.Segment, f => f.Sums);
        (long Orders, decimal Revenue) Of(string dimension, string value) =>
            rows.TryGetValue(new SegmentKey(dimension, value), out var sums) ? (sums.Orders, sums.NetRevenue) : (0, 0m);

        Assert.Equal((5L, 11111m), (rows[SegmentKey.All].Orders, rows[SegmentKey.All].NetRevenue));
        Assert.Equal((1L, 1m), Of(SegmentKey.CustomerType, "new"));               // o1 only: opened exactly a year before
        Assert.Equal((4L, 11110m), Of(SegmentKey.CustomerType, "returning"));
        Assert.Equal((2L, 11m), Of(SegmentKey.AccountSegment, "distributor"));     // o1, o2
        Assert.Equal((2L, 11m), Of(SegmentKey.AcquisitionChannel, "email"));
        Assert.Equal((1L, 100m), Of(SegmentKey.AcquisitionChannel, "organic"));    // o3: an account without a segment
        Assert.Equal(["account_segment=distributor", "acquisition_channel=email", "acquisition_channel=organic"],
            rows.Keys.Where(k => k.Dimension is SegmentKey.AccountSegment or SegmentKey.AcquisitionChannel)
                .Select(k => $"{k.Dimension}={k.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(1m, rows[SegmentKey.All].NewAccountRevenue);
        Assert.Equal(4, rows[SegmentKey.All].OrderingAccounts);                   // edge, older, undated, ghost
    }
}

public sealed class SqliteKpiOrderAccountsTests() : KpiOrderAccountsConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresKpiOrderAccountsTests(PostgresFixture postgres) : KpiOrderAccountsConformance(new PostgresTestBackend(postgres.Server));
