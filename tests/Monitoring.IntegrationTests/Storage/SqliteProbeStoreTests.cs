using Microsoft.Data.Sqlite;
using Monitoring.Storage.Sqlite;

namespace Monitoring.IntegrationTests.Storage;

/// <summary>The probe store on SQLite: each test gets its own temporary folder, deleted afterwards.</summary>
public sealed class SqliteProbeStoreTests : ProbeStoreConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shopmon-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult(Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8] + ".db"));

    protected override Backend Open(string database)
    {
        var sqlite = new SqliteDatabase(database, TimeProvider.System);
        return new Backend(sqlite, sqlite, sqlite);
    }

    // A folder where the database file should be: SQLite cannot open it.
    protected override Backend OpenUnreachable() => Open(Directory.CreateDirectory(Path.Combine(_folder, "not-a-file.db")).FullName);

    public override Task DisposeAsync()
    {
        // Pooled connections keep the files open; without this the folder cannot be deleted.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
