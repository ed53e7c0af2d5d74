using System.Text;
using Monitoring.Checks;
using Monitoring.Shop.Import;
using Monitoring.Shop.Mapping;

namespace Monitoring.Shop.Sources.Csv;

/// <summary>The whole-file problems of a csv file, each a <see cref="SourceException"/> that says what to change.</summary>
internal static class CsvFileChecks
{
    private const int SniffBytes = 8192;

    /// <summary>NUL bytes never occur in 8-bit or UTF-8 text: the file is binary (a spreadsheet, an archive) or UTF-16.</summary>
    public static void RejectBinary(FileStream stream, Encoding encoding, string origin)
    {
        if (encoding is UnicodeEncoding or UTF32Encoding) return;
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0) throw new SourceException($"{origin}: the file is empty (expected at least a header line)");
        if (buffer.AsSpan(0, read).Contains((byte)0))
            throw new SourceException($"{origin} is not a CSV file: it contains NUL bytes (binary content such as a spreadsheet " +
                                      "or an archive, or UTF-16 text: then set encoding: utf-16)");
    }

    /// <summary>Every column the mappings read must be in the header; one column where several are read means another delimiter.</summary>
    public static void RequireColumns(IReadOnlyList<EntityMapping> mappings, string[] names, IReadOnlyDictionary<string, int> ordinals,
        char delimiter, bool hasHeader, string origin)
    {
        var needed = mappings.SelectMany(m => m.Columns()).DistinctBy(c => c.Column).ToArray();
        if (names.Length == 1 && needed.Length > 1 && hasHeader)
        {
            var found = GuessDelimiter(names[0]);
            throw new SourceException($"{origin}: the header is a single column '{Shorten(names[0])}' while the mapping reads " +
                $"{needed.Length} columns: expected columns separated by {Describe(delimiter)}" +
                (found is { } f && f != delimiter ? $", found {Describe(f)} (set delimiter: '{(f == '\t' ? "\\t" : f)}')" : ""));
        }
        foreach (var (column, where) in needed)
        {
            if (ordinals.ContainsKey(column)) continue;
            var suggestion = Suggestions.Closest(column, names);
            throw new SourceException($"{origin}: column '{column}' mapped at {where.DeclaredAt} ({where.Path}) is not in the " +
                $"{(hasHeader ? "header" : "columns")}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; " +
                $"columns: {string.Join(", ", names.Select(n => $"'{n}'"))}");
        }
    }

    /// <summary>Name to ordinal: exact names first, then trimmed and case-insensitive, since exports pad and re-case headers.</summary>
    public static Dictionary<string, int> Ordinals(string[] names, IEnumerable<string> needed)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) ordinals.TryAdd(names[i], i);
        foreach (var column in needed)
        {
            if (ordinals.ContainsKey(column)) continue;
            var loose = Array.FindIndex(names, n => n.Trim().Equals(column.Trim(), StringComparison.OrdinalIgnoreCase));
            if (loose >= 0) ordinals[column] = loose;
        }
        return ordinals;
    }

    private static char? GuessDelimiter(string header)
    {
        var counts = ";,\t|".Select(c => (c, Count: header.Count(x => x == c))).Where(x => x.Count > 0).OrderByDescending(x => x.Count);
        return counts.Select(x => (char?)x.c).FirstOrDefault();
    }

    private static string Describe(char delimiter) => delimiter == '\t' ? "tabs" : $"'{delimiter}'";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
