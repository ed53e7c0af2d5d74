using System.Globalization;
using Dapper;
using Monitoring.Shop.Model;

namespace Monitoring.Storage;

/// <summary>
/// Reads the canonical tables back as typed values for the quality scan: each field as its
/// <see cref="ShopField.ClrType"/>, whatever the backend stored (SQLite: Unix ms, 0/1, REAL, text dates).
/// </summary>
public sealed class SqlShopRecords(IDbConnectionFactory database)
{
    /// <summary>Every row of the entity's table, its fields by name. Streamed from a data reader into compact rows
    /// (<see cref="ShopRow"/>): a full scan reads millions of them.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(ShopEntity entity, CancellationToken cancellationToken)
    {
        var layout = new ShopRow.Layout(entity);
        var fields = entity.Fields;
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", fields.Select(f => f.Name))} FROM {entity.Table}";
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[fields.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Read(fields[i], reader.GetValue(i));
            rows.Add(new ShopRow(layout, values));
        }
        return rows;
    }

    /// <summary>Revenue excluding VAT per product (<paramref name="byAccount"/> false: Σ line amounts by SKU) or per
    /// account, of the orders placed since <paramref name="since"/> that were not cancelled; our synthetic orders
    /// are left out.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> RevenueAsync(bool byAccount, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var key = byAccount ? "o.account_id" : "l.sku";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, object? Revenue)>(new CommandDefinition(
            $"""
            SELECT {key} AS Key, SUM(l.amount) AS Revenue
            FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.placed_at >= @Since AND (o.status IS NULL OR o.status NOT IN ('cancelled', 'canceled')) AND NOT o.is_synthetic
              AND {key} IS NOT NULL
            GROUP BY {key}
            """,
            new { Since = database.Dialect.Timestamp(since) }, cancellationToken: cancellationToken, commandTimeout: 600));
        return rows.ToDictionary(r => r.Key, r => r.Revenue is null or DBNull ? 0m : Convert.ToDecimal(r.Revenue, CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
    }

    private object? Read(ShopField field, object? value)
    {
        if (value is null or DBNull) return null;
        return field.Type switch
        {
            // A value already of the field's type is kept as boxed, rather than unboxed and boxed again.
            ShopFieldType.Text => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture),
            ShopFieldType.Integer => value is long ? value : Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ShopFieldType.Decimal => value is decimal ? value : Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            ShopFieldType.Timestamp => database.Dialect.ReadTimestamp(value),
            ShopFieldType.Boolean => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            ShopFieldType.Date => value switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                _ => DateOnly.ParseExact(Convert.ToString(value, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            _ => value,
        };
    }
}
