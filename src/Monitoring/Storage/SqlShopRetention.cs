using Dapper;

namespace Monitoring.Storage;

/// <summary>
/// Deletes the shop's raw personal-ish data past its retention: sessions (visitor ids, landing pages) and refused
/// import rows (their raw values can hold names and e-mail addresses). Orders and accounts are business records and
/// stay.
/// </summary>
public sealed class SqlShopRetention(IDbConnectionFactory database)
{
    public async Task<int> DeleteSessionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sessions WHERE started_at < @Cutoff", new { Cutoff = database.Dialect.Timestamp(cutoff) },
            cancellationToken: cancellationToken, commandTimeout: 600));
    }

    public async Task<int> DeleteQuarantineBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quarantine WHERE quarantined_at < @Cutoff", new { Cutoff = database.Dialect.Timestamp(cutoff) },
            cancellationToken: cancellationToken));
    }
}
