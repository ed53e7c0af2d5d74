using Dapper;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>Raw sessions and refused rows leave the store after their retention, on each backend; orders stay.</summary>
public abstract class ShopRetentionConformance(ITestBackend backend) : IAsyncLifetime
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
    public async Task Deletes_sessions_started_before_the_cutoff_and_nothing_else()
    {
        var sessions = new EntityBatch(new EntityTarget(ShopModel.Session, [ShopModel.Session.Find("id")!, ShopModel.Session.Find("started_at")!]));
        sessions.Add(["old", Now.AddDays(-800)]);
        sessions.Add(["edge", Now.AddDays(-761).AddMinutes(1)]);
        sessions.Add(["new", Now.AddDays(-1)]);
        await ShopBackend.Writer(Current, TimeProvider.System).WriteAsync(sessions, default);
        var orders = new EntityBatch(new EntityTarget(ShopModel.Order, [ShopModel.Order.Find("id")!, ShopModel.Order.Find("placed_at")!]));
        orders.Add(["o-old", Now.AddDays(-900)]);
        await ShopBackend.Writer(Current, TimeProvider.System).WriteAsync(orders, default);

        var deleted = await new SqlShopRetention(Current.Database).DeleteSessionsBeforeAsync(Now.AddDays(-761), default);

        Assert.Equal(1, deleted);
        await using var connection = await Current.Database.OpenAsync(default);
        Assert.Equal(["edge", "new"], (await connection.QueryAsync<string>("SELECT id FROM sessions ORDER BY id")).ToList());
        Assert.Equal(1L, Convert.ToInt64(await connection.ExecuteScalarAsync("SELECT count(*) FROM orders")));
    }

    [Fact]
    public async Task Deletes_refused_rows_quarantined_before_the_cutoff()
    {
        var imports = new SqlImportStore(Current.Database);
        var raw = new Dictionary<string, string?> { ["email"] = "a@b.example" };
        await imports.QuarantineAsync(1, "crm", "old.csv", [MappedRow.Rejected(2, "bad", raw)], Now.AddDays(-100), default);
        await imports.QuarantineAsync(2, "crm", "new.csv", [MappedRow.Rejected(2, "bad", raw)], Now.AddDays(-10), default);

        var deleted = await new SqlShopRetention(Current.Database).DeleteQuarantineBeforeAsync(Now.AddDays(-90), default);

        Assert.Equal(1, deleted);
        Assert.Equal("new.csv", Assert.Single(await imports.ListQuarantineAsync(null, 10, null, default)).Origin);
    }
}

public sealed class SqliteShopRetentionTests() : ShopRetentionConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresShopRetentionTests(PostgresFixture postgres) : ShopRetentionConformance(new PostgresTestBackend(postgres.Server));
