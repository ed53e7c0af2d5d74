using Monitoring.Shop.Model;

namespace Monitoring.Storage;

/// <summary>
/// The reads of a streamed full quality scan: a table in slices of its key order, the rows of a child table whose key
/// falls in a slice, and the columns a set-level rule needs. Every comparison of keys is made by the database, in
/// its own collation, so that a slice of products and the slice of their children always agree (the process never
/// compares keys itself, which on PostgreSQL could follow another collation than the index's).
/// </summary>
public sealed partial class SqlShopRecords
{
    /// <summary>At most <paramref name="limit"/> rows ordered by <paramref name="keyField"/>, after
    /// <paramref name="after"/> (from the first when null): one slice of a table read in key order.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadSliceAsync(ShopEntity entity, string keyField, string? after, int limit,
        CancellationToken cancellationToken)
    {
        var column = Column(entity, keyField);
        return ReadAsync(entity, entity.Fields, $"{(after is null ? "" : $"WHERE {column} > @after ")}ORDER BY {column} LIMIT {limit}",
            new Dictionary<string, object?> { ["@after"] = after }, cancellationToken);
    }

    /// <summary>The rows whose <paramref name="field"/> is after <paramref name="after"/> and at most
    /// <paramref name="last"/> (a bound that is null is open): the children of one slice of their parents, orphans
    /// whose key falls between two parents included. Rows whose field is null are in no range
    /// (<see cref="ReadNullAsync"/>).</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadRangeAsync(ShopEntity entity, string field, string? after, string? last,
        CancellationToken cancellationToken)
    {
        var column = Column(entity, field);
        var conditions = new List<string> { $"{column} IS NOT NULL" };
        if (after is not null) conditions.Add($"{column} > @after");
        if (last is not null) conditions.Add($"{column} <= @last");
        return ReadAsync(entity, entity.Fields, "WHERE " + string.Join(" AND ", conditions),
            new Dictionary<string, object?> { ["@after"] = after, ["@last"] = last }, cancellationToken);
    }

    /// <summary>The rows whose <paramref name="field"/> is null: children attached to no parent.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadNullAsync(ShopEntity entity, string field, CancellationToken cancellationToken) =>
        ReadAsync(entity, entity.Fields, $"WHERE {Column(entity, field)} IS NULL", null, cancellationToken);

    /// <summary>Every row with only the named fields (the key fields always): what the set-level rules of a scan read,
    /// a few columns of every row instead of all of them.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadFieldsAsync(ShopEntity entity, IEnumerable<string> fields,
        CancellationToken cancellationToken)
    {
        var wanted = fields.ToHashSet(StringComparer.Ordinal);
        var selected = entity.Fields.Where(f => f.IsKey || wanted.Contains(f.Name)).ToList();
        return ReadAsync(entity, selected, "", null, cancellationToken);
    }

    private static string Column(ShopEntity entity, string field) =>
        entity.Find(field)?.Name ?? throw new ArgumentException($"{entity.Name} has no field {field}", nameof(field));
}
