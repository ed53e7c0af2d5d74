using Monitoring.Shop.Import;

namespace Monitoring.Storage.Shop;

/// <summary>What both writers do to a batch before it reaches SQL.</summary>
internal static class BatchRows
{
    /// <summary>
    /// The batch's rows with one row per key, the last one winning (a later line of a file supersedes an earlier
    /// one), missing values replaced by the fields' defaults. One statement cannot touch a row twice in PostgreSQL,
    /// and the counts would be wrong in SQLite.
    /// </summary>
    public static (IReadOnlyList<object?[]> Rows, int Superseded) Collapse(EntityBatch batch)
    {
        var target = batch.Target;
        ApplyDefaults(batch);
        var keys = target.KeyPositions;
        var lastByKey = new Dictionary<RowKey, int>(batch.Count);
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            var row = batch.Rows[i];
            foreach (var k in keys)
                if (row[k] is null)
                    throw new ArgumentException($"{target.Entity.Name}: a row has no value for the key field {target.Fields[k].Name}");
            lastByKey[new RowKey(row, keys)] = i;
        }
        if (lastByKey.Count == batch.Count) return (batch.Rows, 0);

        var kept = new List<object?[]>(lastByKey.Count);
        foreach (var index in lastByKey.Values.Order()) kept.Add(batch.Rows[index]);
        return (kept, batch.Count - kept.Count);
    }

    private static void ApplyDefaults(EntityBatch batch)
    {
        var fields = batch.Target.Fields;
        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Default is not { } fallback) continue;
            foreach (var row in batch.Rows) row[f] ??= fallback;
        }
    }

    /// <summary>A row's key values, compared by value.</summary>
    private readonly struct RowKey(object?[] row, IReadOnlyList<int> positions) : IEquatable<RowKey>
    {
        public bool Equals(RowKey other)
        {
            foreach (var p in positions)
                if (!Equals(row[p], other.Row[p])) return false;
            return true;
        }

        private object?[] Row => row;

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var p in positions) hash.Add(row[p]);
            return hash.ToHashCode();
        }
    }
}
