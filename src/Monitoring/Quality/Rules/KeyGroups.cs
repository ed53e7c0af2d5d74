namespace Monitoring.Quality.Rules;

/// <summary>
/// Records grouped by a text key, as a GroupBy would give them (groups in the order of their first record, records in
/// order), for the set-level rules over millions of records. Each key is kept only as a 64-bit hash while grouping:
/// a dictionary of millions of strings, written while the garbage collector runs, costs more than the comparison
/// itself (every collection scans the table the new strings are written into). Records that share a hash are
/// compared by their keys again, so a collision of hashes never joins two different keys.
/// </summary>
internal static class KeyGroups
{
    /// <summary>The groups: each record's index with the indices of its group (one element for a key held once),
    /// yielded at the group's first record; records whose key is null are in none.</summary>
    public static IEnumerable<IReadOnlyList<int>> Of(int count, Func<int, string?> keyOf) => Of(count, keyOf, Hash);

    /// <summary>As <see cref="Of(int, Func{int, string?})"/> with another hash (a test gives one that collides).</summary>
    internal static IEnumerable<IReadOnlyList<int>> Of(int count, Func<int, string?> keyOf, Func<string, long> hashOf)
    {
        var hashes = new long[count];
        var keyed = new bool[count];
        var byHash = new Dictionary<long, (int First, List<int>? Holders)>(count);
        for (var i = 0; i < count; i++)
        {
            if (keyOf(i) is not { } key) continue;
            var hash = hashes[i] = hashOf(key);
            keyed[i] = true;
            ref var group = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byHash, hash, out var seen);
            if (!seen) group = (i, null);
            else (group.Holders ??= [group.First]).Add(i);
        }
        // Records that share a hash, split by their keys, each group at its first record.
        var shared = new Dictionary<int, List<int>>();
        foreach (var (_, (_, holders)) in byHash)
        {
            if (holders is null) continue;
            foreach (var group in holders.GroupBy(h => keyOf(h)!, StringComparer.Ordinal)) shared[group.First()] = group.ToList();
        }
        for (var i = 0; i < count; i++)
        {
            if (!keyed[i]) continue;
            if (shared.TryGetValue(i, out var group)) yield return group;
            else if (byHash[hashes[i]] is { Holders: null }) yield return [i];
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, 64 bits.</summary>
    private static long Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return (long)hash;
    }
}
