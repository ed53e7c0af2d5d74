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
    public static IEnumerable<IReadOnlyList<int>> Of(int count, Func<int, string?> keyOf) =>
        Of(count, i => keyOf(i) is { } key ? Hash(key) : null, i => keyOf(i)!);

    /// <summary>As <see cref="Of(int, Func{int, string?})"/> with another hash (a test gives one that collides).</summary>
    internal static IEnumerable<IReadOnlyList<int>> Of(int count, Func<int, string?> keyOf, Func<string, long> hashOf) =>
        Of(count, i => keyOf(i) is { } key ? hashOf(key) : null, i => keyOf(i)!);

    /// <summary>The groups, from each record's key hash (<paramref name="hashOf"/>, null for a record without a key;
    /// equal keys must give equal hashes): a rule can hash its normalised key without building it as a string. The
    /// key itself (<paramref name="keyOf"/>) is asked for only of records that share a hash with another. Without
    /// <paramref name="singles"/>, only the groups of two or more records (a rule that keeps only failures).</summary>
    internal static IEnumerable<IReadOnlyList<int>> Of(int count, Func<int, long?> hashOf, Func<int, string> keyOf, bool singles = true)
    {
        // The hashes sorted with their records' indices, rather than a dictionary of millions of entries: equal hashes
        // end up side by side, and two arrays cost a fraction of a dictionary's memory and time.
        var hashes = new long[count];
        var indices = new int[count];
        var keyed = 0;
        for (var i = 0; i < count; i++)
        {
            if (hashOf(i) is not { } hash) continue;
            hashes[keyed] = hash;
            indices[keyed++] = i;
        }
        Array.Sort(hashes, indices, 0, keyed);
        var alone = new bool[count];
        // Records that share a hash, split by their keys, each group at its first record.
        var shared = new Dictionary<int, List<int>>();
        for (var start = 0; start < keyed;)
        {
            var end = start + 1;
            while (end < keyed && hashes[end] == hashes[start]) end++;
            if (end - start == 1) alone[indices[start]] = true;
            else
            {
                var holders = indices[start..end];
                Array.Sort(holders); // in the records' order, as a GroupBy sees them
                foreach (var group in holders.GroupBy(keyOf, StringComparer.Ordinal)) shared[group.First()] = group.ToList();
            }
            start = end;
        }
        for (var i = 0; i < count; i++)
        {
            if (shared.TryGetValue(i, out var group))
            {
                if (singles || group.Count > 1) yield return group;
            }
            else if (singles && alone[i]) yield return [i];
        }
    }

    /// <summary>The hash of <paramref name="key"/> in lower case (as <see cref="string.ToLowerInvariant()"/> gives
    /// it), without building the lower-case string when the key is ASCII.</summary>
    public static long HashLowerCase(ReadOnlySpan<char> key)
    {
        if (!System.Text.Ascii.IsValid(key)) return Hash(key.ToString().ToLowerInvariant());
        var hash = Basis;
        foreach (var c in key) hash = Mix(hash, c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        return (long)hash;
    }

    /// <summary>FNV-1a over the UTF-16 code units, 64 bits.</summary>
    public static long Hash(ReadOnlySpan<char> key)
    {
        var hash = Basis;
        foreach (var c in key) hash = Mix(hash, c);
        return (long)hash;
    }

    private const ulong Basis = 14695981039346656037UL;

    private static ulong Mix(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * 1099511628211UL;
        return (hash ^ (byte)(c >> 8)) * 1099511628211UL;
    }
}
