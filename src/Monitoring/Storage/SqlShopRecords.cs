using System.Globalization;
using Dapper;
using Monitoring.Shop.Model;

namespace Monitoring.Storage;

/// <summary>
/// Reads the canonical tables back as typed values for the quality scan: each field as its
/// <see cref="ShopField.ClrType"/>, whatever the backend stored (SQLite: Unix ms, 0/1, REAL, text dates).
/// </summary>
public sealed partial class SqlShopRecords(IDbConnectionFactory database)
{
    /// <summary>Every row of the entity's table, its fields by name. Streamed from a data reader into compact rows
    /// (<see cref="ShopRow"/>): a full scan reads millions of them.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(ShopEntity entity, CancellationToken cancellationToken) =>
        ReadAsync(entity, entity.Fields, "", null, cancellationToken);

    /// <summary>Rows of the entity's table with only <paramref name="fields"/>, filtered by <paramref name="where"/>
    /// (SQL after FROM, with Dapper-style parameters). Streamed from a data reader into compact rows.</summary>
    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(ShopEntity entity, IReadOnlyList<ShopField> fields,
        string where, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        var layout = new ShopRow.Layout(entity, fields);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", fields.Select(f => f.Name))} FROM {entity.Table} {where}";
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
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

    /// <summary>The rows whose text field <paramref name="field"/> is one of <paramref name="values"/>: what an
    /// incremental quality scan re-reads. Read in chunks so that no backend's parameter limit is reached.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadWhereAsync(ShopEntity entity, string field,
        IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var result = new List<IReadOnlyDictionary<string, object?>>();
        if (values.Count == 0) return result;
        var column = entity.Find(field)?.Name ?? throw new ArgumentException($"{entity.Name} has no field {field}", nameof(field));
        // Npgsql binds a list as one array parameter (ANY); for SQLite, Dapper expands IN @Values into one per value.
        var match = database.Dialect.Name == "postgres" ? $"{column} = ANY(@Values)" : $"{column} IN @Values";
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in values.Chunk(ChunkSize))
        {
            var rows = await connection.QueryAsync(new CommandDefinition(
                $"SELECT {string.Join(", ", entity.Fields.Select(f => f.Name))} FROM {entity.Table} WHERE {match}",
                new { Values = chunk }, cancellationToken: cancellationToken, commandTimeout: 600));
            result.AddRange(rows.Cast<IDictionary<string, object?>>()
                .Select(row => (IReadOnlyDictionary<string, object?>)entity.Fields.ToDictionary(f => f.Name, f => Read(f, row[f.Name]), StringComparer.Ordinal)));
        }
        return result;
    }

    /// <summary>The distinct values of <paramref name="field"/> in the rows inserted or changed since
    /// <paramref name="since"/> (the system column <c>changed_at</c>, indexed on every table).</summary>
    public async Task<IReadOnlySet<string>> ChangedAsync(ShopEntity entity, string field, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var column = entity.Find(field)?.Name ?? throw new ArgumentException($"{entity.Name} has no field {field}", nameof(field));
        await using var connection = await database.OpenAsync(cancellationToken);
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT {column} FROM {entity.Table} WHERE changed_at >= @Since AND {column} IS NOT NULL",
            new { Since = database.Dialect.Timestamp(since) }, cancellationToken: cancellationToken, commandTimeout: 600));
        return values.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every value of one field (a key): the reference sets of an incremental scan, which loads only the
    /// changed records but must still know every SKU and account.</summary>
    public async Task<IReadOnlySet<string>> ValuesAsync(ShopEntity entity, string field, CancellationToken cancellationToken)
    {
        var column = entity.Find(field)?.Name ?? throw new ArgumentException($"{entity.Name} has no field {field}", nameof(field));
        await using var connection = await database.OpenAsync(cancellationToken);
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT {column} FROM {entity.Table} WHERE {column} IS NOT NULL", cancellationToken: cancellationToken, commandTimeout: 600));
        return values.ToHashSet(StringComparer.Ordinal);
    }

    private const int ChunkSize = 1000;

    // One boxed true and false for every row read from SQLite (its booleans are integers).
    private static readonly object True = true;
    private static readonly object False = false;

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
            ShopFieldType.Boolean => value is bool ? value : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0 ? True : False,
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
