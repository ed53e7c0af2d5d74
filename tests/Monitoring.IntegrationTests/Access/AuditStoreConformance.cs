using Monitoring.IntegrationTests.Storage;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Access;

/// <summary>What every backend of <see cref="IAuditStore"/> must do, on a fresh migrated database per test.</summary>
public abstract class AuditStoreConformance(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private IAuditStore _audit = null!;

    public async Task InitializeAsync()
    {
        var opened = backend.Open(await backend.CreateDatabaseAsync());
        await opened.Migrator.MigrateAsync(CancellationToken.None);
        _audit = new SqlAuditStore(opened.Database);
    }

    public Task DisposeAsync() => backend.DisposeAsync().AsTask();

    [Fact]
    public async Task Round_trips_an_entry()
    {
        var entry = new AuditEntry(T0, "alice", "incident-acknowledged", "incident #4 (home)", "email link", "127.0.0.1");

        await _audit.AppendAsync(entry, default);

        var read = Assert.Single(await _audit.ListAsync(10, default));
        Assert.Equal(entry, read with { Id = 0 });
        Assert.True(read.Id > 0);
    }

    [Fact]
    public async Task Lists_the_latest_entries_newest_first_up_to_the_limit()
    {
        foreach (var minute in new[] { 2, 0, 3, 1 })
            await _audit.AppendAsync(new AuditEntry(T0.AddMinutes(minute), "bob", "sign-in", null, null, null), default);

        var latest = await _audit.ListAsync(3, default);

        Assert.Equal([T0.AddMinutes(3), T0.AddMinutes(2), T0.AddMinutes(1)], latest.Select(e => e.At));
    }

    [Fact]
    public async Task Keeps_entries_without_target_detail_or_address()
    {
        await _audit.AppendAsync(new AuditEntry(T0, "cli:root", "api-key-revoked", null, null, null), default);

        Assert.Equal(new AuditEntry(T0, "cli:root", "api-key-revoked", null, null, null), (await _audit.ListAsync(1, default))[0] with { Id = 0 });
    }
}

public sealed class SqliteAuditStoreTests() : AuditStoreConformance(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditStoreTests(PostgresFixture postgres) : AuditStoreConformance(new PostgresTestBackend(postgres.Server));
