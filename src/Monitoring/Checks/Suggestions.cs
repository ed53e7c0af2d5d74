namespace Monitoring.Checks;

/// <summary>"Did you mean" for misspelt keys, kinds, functions, entities, fields and column names, everywhere in checks/.</summary>
public static class Suggestions
{
    /// <summary>The known name closest to <paramref name="unknown"/>, when it is close enough to be a typo.</summary>
    public static string? Closest(string unknown, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: Distance(unknown.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, x.Key.Length / 3))
            .OrderBy(x => x.Distance)
            .Select(x => x.Key)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
