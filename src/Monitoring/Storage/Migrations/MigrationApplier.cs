using System.Data.Common;
using Dapper;

namespace Monitoring.Storage.Migrations;

/// <summary>
/// Applies migrations in one transaction under a lock, recording each in <c>schema_migrations</c>. Whoever takes the
/// lock second sees the first one's rows and applies nothing, so concurrent starts and second runs are harmless.
/// </summary>
public static class MigrationApplier
{
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        DbConnection connection,
        IReadOnlyList<Migration> migrations,
        string lockStatement,
        string createTable,
        object appliedAt,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (lockStatement.Length > 0)
            await connection.ExecuteAsync(new CommandDefinition(lockStatement, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(createTable, transaction: transaction, cancellationToken: cancellationToken));

        var done = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        var applied = new List<string>();
        foreach (var migration in migrations.Where(m => !done.Contains(m.Id)))
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (id, applied_at) VALUES (@Id, @AppliedAt)",
                new { migration.Id, AppliedAt = appliedAt }, transaction, cancellationToken: cancellationToken));
            applied.Add(migration.Id);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }
}
