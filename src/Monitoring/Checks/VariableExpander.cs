using System.Text;

namespace Monitoring.Checks;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> in configuration values; <c>$${</c> stands for a literal <c>${</c>.
/// Expansion happens on parsed scalars, never on raw text, so that line numbers stay exact and a value can never
/// inject YAML structure.
/// </summary>
public sealed class VariableExpander(Func<string, string?> lookup)
{
    /// <summary>An expander over the process environment, with <paramref name="overrides"/> taking precedence.</summary>
    public static VariableExpander FromEnvironment(IReadOnlyDictionary<string, string>? overrides = null) =>
        new(name => overrides is not null && overrides.TryGetValue(name, out var value)
            ? value
            : Environment.GetEnvironmentVariable(name));

    /// <summary>Returns the expanded text, or null with <paramref name="error"/> set when a variable is unset or malformed.</summary>
    public string? Expand(string text, out string? error)
    {
        error = null;
        if (!text.Contains('$')) return text;

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                result.Append("${");
                i += 3;
                continue;
            }
            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                result.Append(text[i++]);
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                error = $"unclosed '${{' in '{text}'";
                return null;
            }
            var body = text[(i + 2)..close];
            var separator = body.IndexOf(":-", StringComparison.Ordinal);
            var name = separator >= 0 ? body[..separator] : body;
            if (!IsValidName(name))
            {
                error = $"'${{{body}}}' is not a valid variable reference (expected ${{NAME}} or ${{NAME:-default}})";
                return null;
            }
            var value = lookup(name);
            if (string.IsNullOrEmpty(value))
            {
                if (separator < 0)
                {
                    error = $"environment variable '{name}' is not set (write ${{{name}:-default}} to give a default)";
                    return null;
                }
                value = body[(separator + 2)..];
            }
            result.Append(value);
            i = close + 1;
        }
        return result.ToString();
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
