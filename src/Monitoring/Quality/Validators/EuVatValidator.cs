namespace Monitoring.Quality.Validators;

/// <summary>
/// Intra-EU VAT numbers: the format and check digits of every member state and of Northern Ireland (XI), after the
/// algorithms of python-stdnum's <c>stdnum/eu/vat.py</c> country modules (research §3.4). It checks that a number can
/// exist, not that it is registered: that is VIES's job.
/// </summary>
public static class EuVatValidator
{
    /// <summary>The VAT prefixes: the ISO country code, except EL for Greece and XI for Northern Ireland.</summary>
    public static IReadOnlyCollection<string> Prefixes => EuVatCountries.Checks.Keys;

    /// <summary>Upper-case, with spaces and punctuation removed (<c>BE (0)468.561.072</c> becomes <c>BE0468561072</c>);
    /// the Irish old format's <c>+</c> and <c>*</c> are kept.</summary>
    public static string Normalise(string text) =>
        new(text.ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '*').ToArray());

    /// <summary>Why the number is not a valid EU VAT number, or null when it is one.</summary>
    public static string? Error(string? text)
    {
        if (text is null) return "missing";
        var vat = Normalise(text);
        if (vat.Length < 4 || !char.IsAsciiLetter(vat[0]) || !char.IsAsciiLetter(vat[1])) return "no country prefix";
        if (!EuVatCountries.Checks.TryGetValue(vat[..2], out var check))
            return vat[..2] == "GR" ? "Greek numbers start with EL, not GR" : $"'{vat[..2]}' is not an EU VAT prefix";
        try
        {
            return check(vat[2..]);
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            return "wrong format";
        }
    }

    public static bool IsValid(string? text) => Error(text) is null;

    /// <summary>The prefix of a number (<c>EL</c>), or null.</summary>
    public static string? PrefixOf(string? text) =>
        text is not null && Normalise(text) is { Length: >= 2 } vat && char.IsAsciiLetter(vat[0]) && char.IsAsciiLetter(vat[1]) ? vat[..2] : null;

    /// <summary>The VAT prefix a company in that ISO country uses: EL for GR; GB maps to XI (only Northern Ireland
    /// has EU VAT numbers since 2021).</summary>
    public static string PrefixForCountry(string isoCountry) => isoCountry.ToUpperInvariant() switch
    {
        "GR" => "EL",
        "GB" => "XI",
        var c => c,
    };

    /// <summary>The ISO country of a VAT prefix: GR for EL, GB for XI.</summary>
    public static string CountryOfPrefix(string prefix) => prefix switch
    {
        "EL" => "GR",
        "XI" => "GB",
        var p => p,
    };

    // Shared check-digit algorithms, used by several countries.

    /// <summary>Luhn checksum: 0 for a valid number.</summary>
    internal static int Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = Digit(digits[digits.Length - 1 - i]);
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10;
    }

    /// <summary>The Luhn check digit to append to the digits.</summary>
    internal static int LuhnCheckDigit(string digits) => (10 - Luhn(digits + "0")) % 10;

    /// <summary>ISO 7064 MOD 11,10: true when the last digit checks the others (DE, HR).</summary>
    internal static bool Iso7064Mod11_10(string digits)
    {
        var product = 10;
        for (var i = 0; i < digits.Length - 1; i++)
        {
            var sum = (Digit(digits[i]) + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        var check = (11 - product) % 10;
        return check == Digit(digits[^1]);
    }

    /// <summary>ISO 7064 MOD 97,10 over letters (A=10…Z=35) and digits: true when the remainder is 1 (NL).</summary>
    internal static bool Iso7064Mod97_10(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    /// <summary>Σ weight × digit over the digits (as many as there are weights).</summary>
    internal static int Weighted(string digits, params int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += weights[i] * Digit(digits[i]);
        return sum;
    }

    internal static int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : throw new FormatException($"'{c}' is not a digit");

    internal static bool Digits(string s, int length) => s.Length == length && s.All(char.IsAsciiDigit);
}
