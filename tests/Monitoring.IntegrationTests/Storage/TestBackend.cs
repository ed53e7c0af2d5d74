using Microsoft.Data.Sqlite;
using Monitoring.Storage;
using Monitoring.Storage.Postgres;
using Monitoring.Storage.Sqlite;
using Monitoring.TestSupport;
using Npgsql;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>The backend opened on one database, through each of the contracts it serves.</summary>
public sealed record Backend(IDbConnectionFactory Database, IMigrator Migrator, IStorageHealth Health);

/// <summary>
/// How a conformance suite gets databases of one backend: a fresh empty one per call, the backend opened on it (each
/// call a separate instance, as a second service would be), and one that cannot be reached.
/// </summary>
public interface ITestBackend : IAsyncDisposable
{
    Task<string> CreateDatabaseAsync();

    Backend Open(string database);

    Backend OpenUnreachable();
}

/// <summary>SQLite files in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestBackend : ITestBackend
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shopmon-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8] + ".db"));

    public Backend Open(string database)
    {
        var sqlite = new SqliteDatabase(database, TimeProvider.System);
        return new Backend(sqlite, sqlite, sqlite);
    }

    // A folder where the database file should be: SQLite cannot open it.
    public Backend OpenUnreachable() => Open(Directory.CreateDirectory(Path.Combine(_folder, "not-a-file.db")).FullName);

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the files open; without this the folder cannot be deleted.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Databases on the shared test server, one per call.</summary>
public sealed class PostgresTestBackend(PostgresServer server) : ITestBackend
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    public Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync();

    public Backend Open(string database)
    {
        var dataSource = NpgsqlDataSource.Create(database);
        _dataSources.Add(dataSource);
        var postgres = new PostgresDatabase(dataSource, TimeProvider.System);
        return new Backend(postgres, postgres, postgres);
    }

    // Nothing listens on a port that was free a moment ago.
    public Backend OpenUnreachable() => Open($"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=postgres;Timeout=5");

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources) await dataSource.DisposeAsync();
    }
}
