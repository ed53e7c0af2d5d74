using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.Storage.Shop;

namespace Monitoring.Storage.Sqlite;

/// <summary>
/// Writes canonical records into SQLite: one prepared upsert per row inside one transaction per batch, which is
/// SQLite's fast path (no network, no statement parsing after the first row).
/// </summary>
public sealed class SqliteShopWriter(SqliteDatabase database, TimeProvider time) : IShopWriter
{
    public async Task<WriteCounts> WriteAsync(EntityBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return default;
        var (rows, superseded) = BatchRows.Collapse(batch);
        var fields = batch.Target.Fields;

        await using var connection = (SqliteConnection)await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var placeholders = string.Join(", ", fields.Select((_, i) => "$p" + i));
        command.CommandText = UpsertSql.For(batch.Target, $"VALUES ({placeholders}, $changed_at)", "IS NOT");
        var parameters = fields.Select((f, i) => command.Parameters.Add("$p" + i, ColumnType(f.Type))).ToArray();
        command.Parameters.AddWithValue("$changed_at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Prepare();

        long inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = ToColumn(row[i]);
            switch (await command.ExecuteScalarAsync(cancellationToken))
            {
                case null: break;
                case long revision when revision == 1: inserted++; break;
                default: updated++; break;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new WriteCounts(inserted, updated, batch.Count - inserted - updated);
    }

    private static SqliteType ColumnType(ShopFieldType type) => type switch
    {
        ShopFieldType.Integer or ShopFieldType.Timestamp or ShopFieldType.Boolean => SqliteType.Integer,
        ShopFieldType.Decimal => SqliteType.Real,
        _ => SqliteType.Text,
    };

    /// <summary>
    /// The stored form: Unix milliseconds, yyyy-MM-dd, 0/1, and decimals as doubles, because Microsoft.Data.Sqlite
    /// binds a decimal as text, which would compare unequal to the stored number and count as a change every time.
    /// </summary>
    internal static object ToColumn(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset t => t.ToUnixTimeMilliseconds(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        decimal m => (double)m,
        _ => value,
    };
}
