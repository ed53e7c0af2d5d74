using System.Text.RegularExpressions;

namespace Monitoring.Tests.Docs;

/// <summary>
/// The repository's README.md, read as sections and table rows, so that tests can hold it to what the code defines.
/// </summary>
public sealed partial class ReadmeDocument
{
    private readonly string[] _lines;

    private ReadmeDocument(string[] lines) => _lines = lines;

    public static ReadmeDocument Load() => new(File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "README.md")));

    /// <summary>A document made of some text, for testing the test's own parsing.</summary>
    public static ReadmeDocument Of(string text) => new(text.Split('\n'));

    public string Text => string.Join('\n', _lines);

    /// <summary>
    /// The section whose heading is exactly <paramref name="heading"/> (<c>## Metrics</c>), up to the next heading of
    /// the same or a higher level; fails when the heading is missing.
    /// </summary>
    public string Section(string heading)
    {
        var level = heading.TakeWhile(c => c == '#').Count();
        var start = Array.FindIndex(_lines, l => l.TrimEnd() == heading);
        Assert.True(start >= 0, $"README.md has no heading '{heading}'");
        var end = start + 1;
        var inFence = false;
        for (; end < _lines.Length; end++)
        {
            if (_lines[end].StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (inFence) continue;
            var hashes = _lines[end].TakeWhile(c => c == '#').Count();
            if (hashes > 0 && hashes <= level && _lines[end].Length > hashes && _lines[end][hashes] == ' ') break;
        }
        return string.Join('\n', _lines[start..end]);
    }

    /// <summary>The text between two marker lines (<c>&lt;!-- name:begin --&gt;</c> … <c>&lt;!-- name:end --&gt;</c>), trimmed.</summary>
    public string Between(string name)
    {
        var begin = Array.FindIndex(_lines, l => l.Trim() == $"<!-- {name}:begin -->");
        var end = Array.FindIndex(_lines, l => l.Trim() == $"<!-- {name}:end -->");
        Assert.True(begin >= 0 && end > begin, $"README.md has no '<!-- {name}:begin -->' … '<!-- {name}:end -->' block");
        return string.Join('\n', _lines[(begin + 1)..end]).Trim();
    }

    /// <summary>The rows of every Markdown table in <paramref name="text"/>, header rows included, as cells.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TableRows(string text) =>
        text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('|') && !SeparatorRow().IsMatch(l))
            .Select(Cells)
            .ToList();

    /// <summary>The code spans of a text: <c>`a`</c> and <c>`b`</c> in "`a` or `b`".</summary>
    public static IReadOnlyList<string> CodeSpans(string text) =>
        CodeSpan().Matches(text).Select(m => m.Groups[1].Value).ToList();

    private static IReadOnlyList<string> Cells(string row)
    {
        // A cell may hold an escaped bar (`a\|b`), which is not a separator.
        var cells = EscapedBar().Split(row.Trim().Trim('|').Replace("\\|", "\u0001"));
        return cells.Select(c => c.Replace("\u0001", "|").Trim()).ToList();
    }

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+\s*$")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"\|")]
    private static partial Regex EscapedBar();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
