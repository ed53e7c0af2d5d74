using System.Globalization;

namespace Monitoring.Quality.Validators;

/// <summary>
/// A practical e-mail syntax check (not full RFC 5322: quoted local parts and IP-literal domains are refused, as
/// shops never have them): one @, no spaces, a dot-atom local part of at most 64 characters, and a domain of at least
/// two labels with a top-level domain of two or more letters. With IDN allowed, a Unicode domain is converted with
/// IDNA (<see cref="IdnMapping"/>) and a Unicode local part is accepted (SMTPUTF8).
/// </summary>
public static class EmailValidator
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";
    // One per thread: rules run in parallel, and IdnMapping's instance members are not documented as thread-safe.
    private static readonly ThreadLocal<IdnMapping> Idn = new(() => new IdnMapping { UseStd3AsciiRules = true });

    /// <summary>Why the address is malformed, or null.</summary>
    public static string? Error(string email, bool allowIdn = true)
    {
        if (email.Any(char.IsWhiteSpace)) return "contains a space";
        var at = email.LastIndexOf('@');
        if (at < 0) return "no @";
        if (email.IndexOf('@') != at) return "more than one @";
        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.Length is 0 or > 64) return "the part before @ is empty or too long";
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..")) return "misplaced dot before @";
        foreach (var c in local)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.' || LocalSpecials.Contains(c)) continue;
            if (c > 127 && allowIdn && !char.IsControl(c)) continue;
            return $"'{c}' is not allowed before @";
        }
        if (domain.Length == 0) return "no domain";
        if (!domain.All(char.IsAscii))
        {
            if (!allowIdn) return "the domain is not ASCII";
            try { domain = Idn.Value!.GetAscii(domain); }
            catch (ArgumentException) { return "the domain is not a valid internationalised name"; }
        }
        if (domain.Length > 253) return "the domain is too long";
        var labels = domain.Split('.');
        if (labels.Length < 2) return "the domain has no dot";
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63) return "the domain has an empty or too long part";
            if (label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                return $"'{label}' is not a valid domain part";
        }
        var tld = labels[^1];
        return tld.Length >= 2 && (tld.All(char.IsAsciiLetter) || tld.StartsWith("xn--", StringComparison.Ordinal))
            ? null
            : $"'{tld}' is not a top-level domain";
    }
}
