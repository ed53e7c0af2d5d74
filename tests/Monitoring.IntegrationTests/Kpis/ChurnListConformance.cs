using Monitoring.Checks;
using Monitoring.IntegrationTests.Shop;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Kpis;
using Monitoring.Kpis.Churn;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;
using static Monitoring.IntegrationTests.Shop.EntityBatches;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>The sales reps' churn list built from the store's order histories, on each backend.</summary>
public abstract class ChurnListConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private Backend? _backend;

    private Backend Current => _backend ?? throw new InvalidOperationException("The test database is not open");

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await Current.Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Lists_the_accounts_at_risk_and_the_newly_churned_per_sales_rep_with_the_reason()
    {
        var writer = ShopBackend.Writer(Current, TimeProvider.System);
        await writer.WriteAsync(Batch(ShopModel.Account, ["id", "name", "sales_rep"],
            ["steady", "Steady SARL", "Alice"], ["quiet", "Quiet SAS", "Bob"], ["gone", "Gone GmbH", "Alice"]), default);
        var orders = Batch(ShopModel.Order, ["id", "account_id", "placed_at", "status"]);
        var lines = Batch(ShopModel.OrderLine, ["order_id", "line_no", "amount"]);
        void Every14Days(string account, int lastDaysAgo)
        {
            for (var i = 0; i < 26; i++)
            {
                var id = $"{account}-{i}";
                orders.Add([id, account, Now.AddDays(-(lastDaysAgo + 14 * i)), "delivered"]);
                lines.Add([id, 1L, 500m]);
            }
        }
        Every14Days("steady", 5);   // on its rhythm
        Every14Days("quiet", 30);   // silent more than 1.5 × 14 days: at risk
        Every14Days("gone", 62);    // silent more than max(3 × 14, 60) days since 2 days: newly churned
        orders.Add(["quiet-cancelled", "quiet", Now.AddDays(-2), "cancelled"]); // a cancelled order is no purchase
        await writer.WriteAsync(orders, default);
        await writer.WriteAsync(lines, default);

        var list = await new ChurnList(new SqlAccountHistories(Current.Database),
            new ActiveChecks(new CheckSet("checks", new MonitoringSettings(), [])), new FixedClock(Now)).ForTodayAsync(default);

        Assert.Equal([("gone", ChurnStatus.Churned), ("quiet", ChurnStatus.AtRisk)], list.Select(e => (e.Account.Id, e.Assessment.Status)));
        Assert.Equal(["Alice", "Bob"], list.Select(e => e.Account.SalesRep));
        Assert.True(list[0].NewThisWeek);
        Assert.Equal("30 days without an order; usually 14 days between orders", list[1].Assessment.Describe());
    }


    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteChurnListTests() : ChurnListConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresChurnListTests(PostgresFixture postgres) : ChurnListConformance(new PostgresTestBackend(postgres.Server));
