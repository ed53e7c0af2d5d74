using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitoring.Scenarios;

/// <summary>
/// The secret values of one scenario run, and the one place that blanks them out of anything stored, shown, logged or
/// alerted on. A value is also blanked in the encodings a server may echo it back in (URL, HTML, JSON), because a
/// password sent in a form can come back HTML-encoded in an error page.
/// </summary>
public sealed partial class Redactor
{
    public const string Mask = "***";

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Form fields, JSON properties, variables and headers whose names look like credentials: their values are
    /// secret without being marked so.</summary>
    [GeneratedRegex("pass(word|wd|phrase)?|secret|token|api[-_]?key|authorization|^cookie$|^pin$|otp|credential",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>Blanks <paramref name="value"/> from now on; empty values are ignored (they would blank nothing useful).</summary>
    public void Add(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        _secrets.Add(value);
        _secrets.Add(Uri.EscapeDataString(value));
        _secrets.Add(WebUtility.HtmlEncode(value));
        _secrets.Add(JsonEncodedText.Encode(value).ToString());
        _secrets.Remove("");
    }

    /// <summary>The text with every known secret replaced by <see cref="Mask"/>; the longest first, so that a secret
    /// containing another is blanked whole.</summary>
    public string Redact(string text)
    {
        if (_secrets.Count == 0 || text.Length == 0) return text;
        foreach (var secret in _secrets.OrderByDescending(s => s.Length))
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return text;
    }

    /// <summary>Null stays null.</summary>
    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
