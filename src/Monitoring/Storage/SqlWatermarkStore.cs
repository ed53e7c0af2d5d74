using Dapper;
using Monitoring.Shop.Sources;

namespace Monitoring.Storage;

/// <summary>The sources' watermarks on both backends.</summary>
public sealed class SqlWatermarkStore(IDbConnectionFactory database, TimeProvider time) : IWatermarkStore
{
    public async Task<string?> GetAsync(string source, string entity, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM source_watermarks WHERE source = @Source AND entity = @Entity",
            new { Source = source, Entity = entity }, cancellationToken: cancellationToken));
    }

    public async Task SetAsync(string source, string entity, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO source_watermarks (source, entity, value, updated_at) VALUES (@Source, @Entity, @Value, @Now)
            ON CONFLICT (source, entity) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            new { Source = source, Entity = entity, Value = value, Now = database.Dialect.Timestamp(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }
}
