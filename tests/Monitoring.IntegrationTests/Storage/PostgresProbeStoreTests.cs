using Monitoring.Storage.Postgres;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>The probe store on PostgreSQL: each test gets its own database on the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProbeStoreTests(PostgresFixture postgres) : ProbeStoreConformance
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync();

    protected override Backend Open(string database)
    {
        var dataSource = NpgsqlDataSource.Create(database);
        _dataSources.Add(dataSource);
        var postgresDatabase = new PostgresDatabase(dataSource, TimeProvider.System);
        return new Backend(postgresDatabase, postgresDatabase, postgresDatabase);
    }

    // Nothing listens on a port that was free a moment ago.
    protected override Backend OpenUnreachable() =>
        Open($"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=postgres;Timeout=5");

    public override async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources) await dataSource.DisposeAsync();
    }
}
