using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage.Shop;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Storage.Postgres;

/// <summary>
/// Writes canonical records into PostgreSQL with its fast path: a binary <c>COPY</c> of the batch into a temporary
/// staging table, then one set-based upsert from it, in one transaction. Row-by-row inserts would cost a round trip
/// each; this costs two statements per batch.
/// </summary>
public sealed class PostgresShopWriter(PostgresDatabase database, TimeProvider time) : IShopWriter
{
    public async Task<WriteCounts> WriteAsync(EntityBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return default;
        var (rows, _) = BatchRows.Collapse(batch);
        var target = batch.Target;
        var fields = target.Fields;
        // One staging table per entity and field list, created once per connection and emptied at each commit.
        var stage = $"stage_{target.Entity.Table}_{StageSuffix(target)}";
        var columns = string.Join(", ", fields.Select(f => f.Name));

        await using var connection = (NpgsqlConnection)await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS {stage} ({string.Join(", ", fields.Select(f => $"{f.Name} {ColumnType(f.Type)}"))}) ON COMMIT DELETE ROWS",
            connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);

        var types = fields.Select(f => CopyType(f.Type)).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {stage} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < types.Length; i++)
                {
                    if (row[i] is { } value) await copy.WriteAsync(value, types[i], cancellationToken);
                    else await copy.WriteNullAsync(cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }

        var upsert = UpsertSql.For(target, $"SELECT {columns}, @changed_at FROM {stage} WHERE true", "IS DISTINCT FROM");
        await using var write = new NpgsqlCommand(
            $"WITH written AS ({upsert}) SELECT count(*) FILTER (WHERE revision = 1), count(*) FILTER (WHERE revision > 1) FROM written",
            connection, transaction);
        write.Parameters.AddWithValue("changed_at", time.GetUtcNow().UtcDateTime);
        long inserted = 0, updated = 0;
        await using (var reader = await write.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            inserted = reader.GetInt64(0);
            updated = reader.GetInt64(1);
        }
        await transaction.CommitAsync(cancellationToken);
        return new WriteCounts(inserted, updated, batch.Count - inserted - updated);
    }

    private static string StageSuffix(EntityTarget target)
    {
        // Stable across processes (string.GetHashCode is randomised per process).
        var hash = 17u;
        foreach (var c in string.Join(",", target.Fields.Select(f => f.Name))) hash = unchecked(hash * 31 + c);
        return hash.ToString("x8");
    }

    private static string ColumnType(ShopFieldType type) => type switch
    {
        ShopFieldType.Integer => "bigint",
        ShopFieldType.Decimal => "numeric",
        ShopFieldType.Timestamp => "timestamptz",
        ShopFieldType.Date => "date",
        ShopFieldType.Boolean => "boolean",
        _ => "text",
    };

    private static NpgsqlDbType CopyType(ShopFieldType type) => type switch
    {
        ShopFieldType.Integer => NpgsqlDbType.Bigint,
        ShopFieldType.Decimal => NpgsqlDbType.Numeric,
        ShopFieldType.Timestamp => NpgsqlDbType.TimestampTz,
        ShopFieldType.Date => NpgsqlDbType.Date,
        ShopFieldType.Boolean => NpgsqlDbType.Boolean,
        _ => NpgsqlDbType.Text,
    };
}
