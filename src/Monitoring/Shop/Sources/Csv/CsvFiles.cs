using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Monitoring.Shop.Sources.Csv;

/// <summary>Expands a <c>files:</c> path or glob into the files to read, in ordinal name order.</summary>
public static class CsvFiles
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <summary>
    /// The paths as written (relative stays relative, with '/'), so that reports and the quarantine name them the way
    /// the source does. A plain path is returned even when missing, for the reader to say so; a glob that matches
    /// nothing is an empty list, since an export folder is often empty between exports.
    /// </summary>
    public static IReadOnlyList<string> Expand(string baseDirectory, string pattern)
    {
        pattern = pattern.Replace('\\', '/');
        var firstGlob = pattern.IndexOfAny(GlobCharacters);
        if (firstGlob < 0) return [pattern];

        var rootEnd = pattern.LastIndexOf('/', firstGlob);
        var root = rootEnd < 0 ? "" : pattern[..(rootEnd + 1)];
        var directory = new DirectoryInfo(Path.Combine(baseDirectory, root.Length == 0 ? "." : root));
        if (!directory.Exists) return [];

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern[(rootEnd + 1)..]);
        return matcher.Execute(new DirectoryInfoWrapper(directory)).Files
            .Select(f => root + f.Path)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
