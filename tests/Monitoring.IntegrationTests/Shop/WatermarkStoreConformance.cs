using Monitoring.IntegrationTests.Storage;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>How far incremental sources have read, kept per source and entity on each backend.</summary>
public abstract class WatermarkStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private Backend? _backend;

    private SqlWatermarkStore Store => new((_backend ?? throw new InvalidOperationException("not open")).Database, TimeProvider.System);

    public async Task InitializeAsync()
    {
        _backend = backend.Open(await backend.CreateDatabaseAsync());
        await _backend.Migrator.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Has_no_watermark_before_the_first_read()
    {
        Assert.Null(await Store.GetAsync("shop-db", "order", default));
    }

    [Fact]
    public async Task Keeps_the_last_value_per_source_and_entity()
    {
        await Store.SetAsync("shop-db", "order", "timestamptz:2026-11-20T10:00:00.0000000Z", default);
        await Store.SetAsync("shop-db", "order", "timestamptz:2026-11-21T08:00:00.0000000Z", default);
        await Store.SetAsync("shop-db", "product", "bigint:42", default);

        Assert.Equal("timestamptz:2026-11-21T08:00:00.0000000Z", await Store.GetAsync("shop-db", "order", default));
        Assert.Equal("bigint:42", await Store.GetAsync("shop-db", "product", default));
        Assert.Null(await Store.GetAsync("erp", "order", default));
    }
}

public sealed class SqliteWatermarkStoreTests() : WatermarkStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresWatermarkStoreTests(PostgresFixture postgres) : WatermarkStoreConformance(new PostgresTestBackend(postgres.Server));
