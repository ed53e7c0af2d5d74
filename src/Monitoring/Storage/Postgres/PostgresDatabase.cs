using System.Data.Common;
using Dapper;
using Monitoring.Storage.Migrations;
using Npgsql;

namespace Monitoring.Storage.Postgres;

/// <summary>The production backend. Every connection comes from the one <see cref="NpgsqlDataSource"/> of the process.</summary>
public sealed class PostgresDatabase(NpgsqlDataSource dataSource, TimeProvider time) : IDbConnectionFactory, IStorageHealth, IMigrator
{
    /// <summary>An arbitrary constant naming this service's migration lock among the server's advisory locks.</summary>
    private const long MigrationLockKey = 0x73686f706d6f6e; // "shopmon"

    public SqlDialect Dialect { get; } = new PostgresDialect();

    public string Backend => Dialect.Name;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The transaction-scoped advisory lock makes a second instance wait, then find everything applied.
        return await MigrationApplier.ApplyAsync(connection, Migration.For("Postgres"),
            $"SELECT pg_advisory_xact_lock({MigrationLockKey})",
            "CREATE TABLE IF NOT EXISTS schema_migrations (id text NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)",
            Dialect.Timestamp(time.GetUtcNow()), cancellationToken);
    }
}
