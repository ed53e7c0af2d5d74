using System.Text;

namespace Monitoring.Probes.Tcp;

/// <summary>
/// Backslash escapes in both directions: line protocols (SMTP, Redis, POP3) need <c>\r\n</c> in what a probe sends,
/// and what a server answered must show its control characters in a one-line message without breaking it.
/// </summary>
public static class EscapedText
{
    /// <summary>Longest answer a message quotes; a banner or an error line fits, a page of HTML does not.</summary>
    public const int MaxShown = 200;

    /// <summary>Turns <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\0</c> and <c>\\</c> into their characters; null with
    /// <paramref name="problem"/> set on any other escape, so that a typo is never sent as is.</summary>
    public static string? Unescape(string text, out string? problem)
    {
        problem = null;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }
            char? escaped = i + 1 < text.Length
                ? text[i + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', '\\' => '\\', _ => null }
                : null;
            if (escaped is null)
            {
                var sequence = i + 1 < text.Length ? text.Substring(i, 2) : "\\";
                problem = $"'{sequence}' in '{text}' is not an escape (write \\n, \\r, \\t, \\0, or \\\\ for a backslash)";
                return null;
            }
            result.Append(escaped.Value);
            i++;
        }
        return result.ToString();
    }

    /// <summary>The text for a message: surrounding whitespace trimmed, control characters escaped, cut at
    /// <see cref="MaxShown"/> characters with the total length said, so one line shows what came.</summary>
    public static string Show(string text)
    {
        var trimmed = text.Trim();
        var shown = new StringBuilder();
        foreach (var c in trimmed.Length > MaxShown ? trimmed[..MaxShown] : trimmed)
        {
            shown.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return trimmed.Length > MaxShown ? $"{shown}… ({trimmed.Length} characters)" : shown.ToString();
    }
}
