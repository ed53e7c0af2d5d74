using Monitoring.Quality.Validators;

namespace Monitoring.Shop.Demo;

/// <summary>
/// Intra-EU VAT numbers of the demo countries with their real formats and check digits, so a format-and-checksum
/// rule finds exactly the numbers <see cref="DemoDefects.InvalidVat"/> broke.
/// </summary>
public static class DemoVatNumbers
{
    private sealed record Scheme(string Prefix, int Length, Func<Random, string> Make, Func<string, bool> Valid);

    private static readonly Dictionary<string, Scheme> Schemes = new[]
    {
        // FR: a 2-digit key then the SIREN; key = (12 + 3 × (SIREN mod 97)) mod 97.
        new Scheme("FR", 11, r => { var siren = Luhn(r.Pattern("########")); return FrKey(siren) + siren; },
            s => s[..2] == FrKey(s[2..])),
        // BE: 10 digits starting 0 or 1; the last two are 97 - (first eight mod 97).
        new Scheme("BE", 10, r => { var b = "0" + r.Pattern("#######"); return b + (97 - long.Parse(b) % 97).ToString("00"); },
            s => s[0] is '0' or '1' && (97 - long.Parse(s[..8]) % 97).ToString("00") == s[8..]),
        // DE: 9 digits, the first not 0, ISO 7064 MOD 11,10.
        new Scheme("DE", 9, r => { var b = (char)('1' + r.Next(9)) + r.Pattern("#######"); return b + Iso7064(b); }, s => Iso7064(s[..8]) == s[8] - '0'),
        // IT: 11 digits: a 7-digit number (not all zeros), the 3-digit provincial office (001-100), then Luhn.
        new Scheme("IT", 11, r => Luhn(r.Next(1, 10_000_000).ToString("0000000") + r.Next(1, 101).ToString("000")), s => Luhn(s[..10]) == s),
        // ES: a company letter (B = SL), 7 digits and the CIF control digit.
        new Scheme("ES", 9, r => { var b = r.Pattern("#######"); return "B" + b + Cif(b); },
            s => s[0] == 'B' && s[1..8].All(char.IsAsciiDigit) && Cif(s[1..8]) == s[8] - '0'),
        // NL: 9 digits (weights 9..2, minus the last, divisible by 11) then B01.
        new Scheme("NL", 12, r => { string? b; do b = NlCheck(r.Pattern("########")); while (b is null); return b + "B01"; },
            s => s[9..] == "B01" && NlCheck(s[..8]) == s[..9]),
        // LU: 8 digits, the last two are the first six mod 89.
        new Scheme("LU", 8, r => { var b = r.Pattern("1#####"); return b + (long.Parse(b) % 89).ToString("00"); },
            s => (long.Parse(s[..6]) % 89).ToString("00") == s[6..]),
        // PT: 9 digits, weights 9..2, check 11 - sum mod 11 (10 and 11 give 0).
        new Scheme("PT", 9, r => { var b = "5" + r.Pattern("#######"); return b + Mod11(b, 9); }, s => Mod11(s[..8], 9) == s[8] - '0'),
        // AT: U and 8 digits; digit sums of weights 1,2 alternating, check (10 - (sum + 4) mod 10) mod 10.
        new Scheme("AT", 9, r => { var b = r.Pattern("#######"); return "U" + b + At(b); },
            s => s[0] == 'U' && s[1..8].All(char.IsAsciiDigit) && At(s[1..8]) == s[8] - '0'),
        // IE: 7 digits and a letter, weights 8..2 mod 23.
        new Scheme("IE", 8, r => { var b = r.Pattern("#######"); return b + Ie(b); }, s => s[..7].All(char.IsAsciiDigit) && Ie(s[..7]) == s[7]),
        // PL: 10 digits, weights 6,5,7,2,3,4,5,6,7 mod 11 (10 is impossible).
        new Scheme("PL", 10, r => { string? b; do b = Pl(r.Pattern("#########")); while (b is null); return b; }, s => Pl(s[..9]) == s),
    }.ToDictionary(s => s.Prefix);

    /// <summary>The countries with a scheme.</summary>
    public static IReadOnlyCollection<string> Countries => Schemes.Keys;

    /// <summary>A valid number of that country, prefix included, that the quality rule's validator
    /// (<see cref="EuVatValidator"/>) accepts too: the schemes compute the same check digits, and a number the
    /// validator would still refuse (a rule of the state's format no scheme here knows) is drawn again.</summary>
    public static string Generate(string country, Random rng)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var vat = country + Schemes[country].Make(rng);
            if (EuVatValidator.IsValid(vat)) return vat;
        }
        throw new InvalidOperationException($"the demo's {country} VAT scheme makes no number the validator accepts");
    }

    /// <summary>Known prefix, right length, digits where digits go, right check digits, and accepted by the
    /// validator of the <c>vat_number</c> rule.</summary>
    public static bool IsValid(string? vat)
    {
        if (vat is null || vat.Length < 4 || !Schemes.TryGetValue(vat[..2], out var scheme)) return false;
        var body = vat[2..];
        if (body.Length != scheme.Length) return false;
        try { return scheme.Valid(body) && EuVatValidator.IsValid(vat); }
        catch (FormatException) { return false; }
    }

    /// <summary>The country prefix of a number (<c>FR</c>), or null.</summary>
    public static string? CountryOf(string? vat) => vat is { Length: >= 2 } && Schemes.ContainsKey(vat[..2]) ? vat[..2] : null;

    /// <summary>A broken copy of a valid number: a changed last digit (checksum) or a dropped digit (format).</summary>
    public static string Corrupt(string vat, Random rng)
    {
        for (var attempt = 0; ; attempt++)
        {
            string broken;
            if (attempt % 2 == 0 && rng.Chance(0.6))
            {
                var i = vat.Length - 1;
                while (!char.IsAsciiDigit(vat[i])) i--;
                broken = vat[..i] + (char)('0' + (vat[i] - '0' + 1 + rng.Next(8)) % 10) + vat[(i + 1)..];
            }
            else broken = vat.Remove(2 + rng.Next(vat.Length - 3), 1);
            if (!IsValid(broken)) return broken;
        }
    }

    private static string FrKey(string siren) => ((12 + 3 * (long.Parse(siren) % 97)) % 97).ToString("00");

    /// <summary>The digits followed by their Luhn check digit.</summary>
    private static string Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }

    private static int Iso7064(string digits)
    {
        var product = 10;
        foreach (var c in digits)
        {
            var sum = (c - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = 2 * sum % 11;
        }
        var check = 11 - product;
        return check == 10 ? 0 : check;
    }

    private static int Cif(string seven)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = seven[i] - '0';
            sum += i % 2 == 0 ? (d * 2) / 10 + (d * 2) % 10 : d;
        }
        return (10 - sum % 10) % 10;
    }

    private static string? NlCheck(string eight)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (eight[i] - '0') * (9 - i);
        return sum % 11 == 10 ? null : eight + (char)('0' + sum % 11);
    }

    private static int Mod11(string digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[i] - '0') * (firstWeight - i);
        var check = 11 - sum % 11;
        return check >= 10 ? 0 : check;
    }

    private static int At(string seven)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var p = (seven[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += p / 10 + p % 10;
        }
        return (10 - (sum + 4) % 10) % 10;
    }

    private static char Ie(string seven)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (seven[i] - '0') * (8 - i);
        return "WABCDEFGHIJKLMNOPQRSTUV"[sum % 23];
    }

    private static string? Pl(string nine)
    {
        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nine[i] - '0') * weights[i];
        return sum % 11 == 10 ? null : nine + (char)('0' + sum % 11);
    }
}
