using Monitoring.IntegrationTests.Storage;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>What every backend of <see cref="IApiKeyStore"/> must do, on a fresh migrated database per test.</summary>
public abstract class ApiKeyStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private IApiKeyStore _keys = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(CancellationToken.None);
        _keys = new SqlApiKeyStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Finds_an_active_key_by_its_hash_with_everything_stored()
    {
        var id = await _keys.AddAsync("grafana", "read", "hash-1", "shm_abcdef…", "admin", T0, default);

        var found = await _keys.FindActiveAsync("hash-1", default);

        Assert.Equal(new ApiKeyRecord(id, "grafana", "read", "shm_abcdef…", T0, "admin", null, null, null), found);
        Assert.Null(await _keys.FindActiveAsync("hash-2", default));
    }

    [Fact]
    public async Task Does_not_find_a_revoked_key_and_revokes_only_once()
    {
        var id = await _keys.AddAsync("erp", "ingest", "hash-1", "shm_x…", "admin", T0, default);

        var first = await _keys.RevokeAsync(id, "boss", T0.AddHours(1), default);
        var again = await _keys.RevokeAsync(id, "boss", T0.AddHours(2), default);
        var unknown = await _keys.RevokeAsync(id + 100, "boss", T0, default);

        Assert.Equal((true, false, false), (first, again, unknown));
        Assert.Null(await _keys.FindActiveAsync("hash-1", default));
        var listed = Assert.Single(await _keys.ListAsync(default));
        Assert.Equal((T0.AddHours(1), "boss"), (listed.RevokedAt, listed.RevokedBy));
    }

    [Fact]
    public async Task Records_the_last_use_at_most_once_a_minute()
    {
        var id = await _keys.AddAsync("grafana", "read", "hash-1", "shm_x…", "admin", T0, default);

        await _keys.RecordUseAsync(id, T0.AddMinutes(1), default);
        await _keys.RecordUseAsync(id, T0.AddMinutes(1).AddSeconds(30), default);
        var afterTwo = (await _keys.FindActiveAsync("hash-1", default))!.LastUsedAt;
        await _keys.RecordUseAsync(id, T0.AddMinutes(3), default);

        Assert.Equal(T0.AddMinutes(1), afterTwo);
        Assert.Equal(T0.AddMinutes(3), (await _keys.FindActiveAsync("hash-1", default))!.LastUsedAt);
    }

    [Fact]
    public async Task Refuses_a_second_key_with_the_same_hash()
    {
        await _keys.AddAsync("a", "read", "hash-1", "shm_x…", "admin", T0, default);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => _keys.AddAsync("b", "read", "hash-1", "shm_x…", "admin", T0, default));
    }

    [Fact]
    public async Task Lists_keys_newest_first()
    {
        await _keys.AddAsync("first", "read", "hash-1", "h1", "admin", T0, default);
        await _keys.AddAsync("second", "ingest", "hash-2", "h2", "admin", T0.AddMinutes(1), default);

        Assert.Equal(["second", "first"], (await _keys.ListAsync(default)).Select(k => k.Name));
    }
}

public sealed class SqliteApiKeyStoreTests() : ApiKeyStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresApiKeyStoreTests(PostgresFixture postgres) : ApiKeyStoreConformance(new PostgresTestBackend(postgres.Server));
