using System.Text.RegularExpressions;

namespace Monitoring.Scenarios;

/// <summary>
/// <c>{{name}}</c> placeholders in urls, headers, bodies and expected values, filled from the run's variables.
/// <c>${ENV}</c> is another thing: the config loader has already expanded it when the file was read.
/// </summary>
public static partial class Template
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>Whether <paramref name="name"/> can be written as a placeholder.</summary>
    public static bool IsName(string name) => Name().IsMatch(name);

    /// <summary>The variable names <paramref name="text"/> refers to, in order of appearance.</summary>
    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The text with every placeholder filled; null with <paramref name="missing"/> set when a variable has no value.</summary>
    public static string? Fill(string text, IReadOnlyDictionary<string, string> variables, out string? missing)
    {
        string? absent = null;
        var filled = Placeholder().Replace(text, m =>
        {
            if (variables.TryGetValue(m.Groups[1].Value, out var value)) return value;
            absent ??= m.Groups[1].Value;
            return m.Value;
        });
        missing = absent;
        return absent is null ? filled : null;
    }
}
