using static Monitoring.Quality.Validators.EuVatValidator;

namespace Monitoring.Quality.Validators;

/// <summary>
/// The number after the prefix, country by country: format, then check digits (python-stdnum's per-country modules,
/// named in each comment). Each check returns why the number is wrong, or null. Where a country also accepts
/// personal numbers (BG, CZ, LV, RO, SK), the birth-date part is not validated: a legal entity is what a B2B shop
/// expects, and the check digits already catch typing errors.
/// </summary>
internal static class EuVatCountries
{
    private const string Checksum = "wrong check digits";
    private const string Format = "wrong format";

    public static readonly Dictionary<string, Func<string, string?>> Checks = new()
    {
        // at/uid: U + 8 digits; check = (6 − Luhn checksum of digits 1–7) mod 10.
        ["AT"] = n => n.Length == 9 && n[0] == 'U' && Digits(n[1..], 8)
            ? Ok((16 - Luhn(n[1..8])) % 10 == Digit(n[8])) : Format,
        // be/vat: 10 digits from 0 or 1 (old 9-digit numbers take a leading 0); 97 − first eight mod 97 = last two.
        ["BE"] = n => (n.Length == 9 ? "0" + n : n) is var b && Digits(b, 10) && b[0] is '0' or '1'
            ? Ok(97 - long.Parse(b[..8]) % 97 == int.Parse(b[8..])) : Format,
        ["BG"] = Bulgaria,
        // cy/vat: 8 digits (not starting 12) + a letter from a mapped sum of the digits.
        ["CY"] = n => n.Length == 9 && Digits(n[..8], 8) && char.IsAsciiLetter(n[8]) && !n.StartsWith("12", StringComparison.Ordinal)
            ? Ok(CyprusLetter(n[..8]) == n[8]) : Format,
        ["CZ"] = Czechia,
        // de/vat: 9 digits, not starting 0, ISO 7064 MOD 11,10.
        ["DE"] = n => Digits(n, 9) && n[0] != '0' ? Ok(Iso7064Mod11_10(n)) : Format,
        // dk/cvr: 8 digits, not starting 0; Σ w·d mod 11 = 0.
        ["DK"] = n => Digits(n, 8) && n[0] != '0' ? Ok(Weighted(n, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0) : Format,
        // ee/kmkr: 9 digits starting 10; Σ w·d mod 10 = 0.
        ["EE"] = n => Digits(n, 9) && n.StartsWith("10", StringComparison.Ordinal) ? Ok(Weighted(n, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0) : Format,
        ["EL"] = Greece,
        ["ES"] = Spain,
        // fi/alv: 8 digits; Σ w·d mod 11 = 0.
        ["FI"] = n => Digits(n, 8) ? Ok(Weighted(n, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0) : Format,
        ["FR"] = France,
        // hr/oib: 11 digits, ISO 7064 MOD 11,10.
        ["HR"] = n => Digits(n, 11) ? Ok(Iso7064Mod11_10(n)) : Format,
        // hu/anum: 8 digits; Σ w·d mod 10 = 0.
        ["HU"] = n => Digits(n, 8) ? Ok(Weighted(n, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0) : Format,
        ["IE"] = Ireland,
        // it/iva: 11 digits, Luhn, province office 001–100, 120, 121, 888 or 999.
        ["IT"] = n => Digits(n, 11) && int.Parse(n[7..10]) is (>= 1 and <= 100) or 120 or 121 or 888 or 999 && n[..7] != "0000000"
            ? Ok(Luhn(n) == 0) : Format,
        ["LT"] = Lithuania,
        // lu/tva: 8 digits; the last two are the first six mod 89.
        ["LU"] = n => Digits(n, 8) ? Ok(int.Parse(n[..6]) % 89 == int.Parse(n[6..])) : Format,
        ["LV"] = Latvia,
        // mt/vat: 8 digits, not starting 0; Σ w·d mod 37 = 0.
        ["MT"] = n => Digits(n, 8) && n[0] != '0' ? Ok(Weighted(n, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0) : Format,
        ["NL"] = Netherlands,
        // pl/nip: 10 digits; Σ w·d mod 11 = 0 with the last weight −1.
        ["PL"] = n => Digits(n, 10) ? Ok(Weighted(n, 6, 5, 7, 2, 3, 4, 5, 6, 7, -1) % 11 == 0) : Format,
        // pt/nif: 9 digits, not starting 0; check = (11 − Σ(9−i)·d) mod 11 mod 10.
        ["PT"] = n => Digits(n, 9) && n[0] != '0' ? Ok((11 - Weighted(n, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10 == Digit(n[8])) : Format,
        ["RO"] = Romania,
        // se/vat: 10-digit organisation number (Luhn) + 01.
        ["SE"] = n => Digits(n, 12) && n.EndsWith("01", StringComparison.Ordinal) ? Ok(Luhn(n[..10]) == 0) : Format,
        // si/ddv: 8 digits, not starting 0; check = 11 − Σ(8−i)·d mod 11, 10 → 0 (11 is impossible).
        ["SI"] = n => Digits(n, 8) && n[0] != '0'
            ? Ok((11 - Weighted(n, 8, 7, 6, 5, 4, 3, 2) % 11) is var c && c != 11 && c % 10 == Digit(n[7])) : Format,
        ["SK"] = Slovakia,
        ["XI"] = NorthernIreland,
    };

    private static string? Ok(bool checksumOk) => checksumOk ? null : Checksum;

    // bg/vat: 9 digits (legal) or 10 (a person's EGN, a foreigner's PNF, or others).
    private static string? Bulgaria(string n)
    {
        if (Digits(n, 9))
        {
            var check = Weighted(n, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
            if (check == 10) check = Weighted(n, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
            return Ok(check % 10 == Digit(n[8]));
        }
        if (!Digits(n, 10)) return Format;
        var egn = Weighted(n, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10;
        var pnf = Weighted(n, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10;
        var other = (11 - Weighted(n, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
        var last = Digit(n[9]);
        return Ok(egn == last || pnf == last || other == last);
    }

    private static char CyprusLetter(string eight)
    {
        int[] map = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += i % 2 == 0 ? map[Digit(eight[i])] : Digit(eight[i]);
        return (char)('A' + sum % 26);
    }

    // cz/dic: 8 digits (legal entity, not starting 9), 9 digits starting 6 (special), or a birth number (9 or 10 digits).
    private static string? Czechia(string n)
    {
        if (Digits(n, 8))
        {
            if (n[0] == '9') return Format;
            var check = (11 - Weighted(n, 8, 7, 6, 5, 4, 3, 2) % 11) % 11;
            return Ok((check == 0 ? 1 : check) % 10 == Digit(n[7]));
        }
        if (Digits(n, 9) && n[0] == '6')
        {
            var check = Weighted(n[1..], 8, 7, 6, 5, 4, 3, 2) % 11;
            return Ok((18 - (10 - check) % 11) % 10 == Digit(n[8])); // Python's (8 − x) mod 10, kept non-negative
        }
        if (Digits(n, 10))
        {
            // A 10-digit birth number is divisible by 11 (or its first nine leave 10 and the last digit is 0).
            var value = long.Parse(n);
            return Ok(value % 11 == 0 || long.Parse(n[..9]) % 11 == 10 && n[9] == '0');
        }
        return Digits(n, 9) && int.Parse(n[..2]) < 54 ? null : Format; // 9-digit birth numbers (before 1954) have no check digit
    }

    // gr/vat: 9 digits (8-digit ones take a leading 0); c = 2c + d over the first 8, check = 2c mod 11 mod 10.
    private static string? Greece(string n)
    {
        if (n.Length == 8) n = "0" + n;
        if (!Digits(n, 9)) return Format;
        var c = 0;
        for (var i = 0; i < 8; i++) c = c * 2 + Digit(n[i]);
        return Ok(c * 2 % 11 % 10 == Digit(n[8]));
    }

    // es/nif: DNI (8 digits + letter), NIE (X/Y/Z + 7 digits + letter), K/L/M (DNI rules), or CIF (letter + 7 digits + check).
    private static string? Spain(string n)
    {
        const string dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
        if (n.Length != 9 || !Digits(n[1..8], 7)) return Format;
        if (char.IsAsciiDigit(n[0])) return Ok(dniLetters[int.Parse(n[..8]) % 23] == n[8]);
        if (n[0] is 'X' or 'Y' or 'Z') return Ok(dniLetters[int.Parse((n[0] - 'X') + n[1..8]) % 23] == n[8]);
        if (n[0] is 'K' or 'L' or 'M') return Ok(dniLetters[int.Parse(n[1..8]) % 23] == n[8]);
        if (!"ABCDEFGHJNPQRSUVW".Contains(n[0])) return Format;
        var digit = LuhnCheckDigit(n[1..8]);
        return Ok(n[8] == (char)('0' + digit) || n[8] == "JABCDEFGHI"[digit]);
    }

    // fr/tva: a 2-character key + SIREN (Luhn, except Monaco's 000…); numeric key = (SIREN·100 + 12) mod 97.
    private static string? France(string n)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        if (n.Length != 11 || !Digits(n[2..], 9) || !alphabet.Contains(n[0]) || !alphabet.Contains(n[1])) return Format;
        if (n[2..5] != "000" && Luhn(n[2..]) != 0) return "SIREN fails its check digit";
        if (char.IsAsciiDigit(n[0]) && char.IsAsciiDigit(n[1]))
            return Ok(int.Parse(n[..2]) == (long.Parse(n[2..]) * 100 + 12) % 97);
        var check = char.IsAsciiDigit(n[0])
            ? alphabet.IndexOf(n[0]) * 24 + alphabet.IndexOf(n[1]) - 10
            : alphabet.IndexOf(n[0]) * 34 + alphabet.IndexOf(n[1]) - 100;
        return Ok((long.Parse(n[2..]) + 1 + check / 11) % 11 == check % 11);
    }

    // ie/vat: new format 7 digits + check letter (+ an optional letter); old format digit, letter or +*, 5 digits, check letter.
    private static string? Ireland(string n)
    {
        const string alphabet = "WABCDEFGHIJKLMNOPQRSTUV";
        if (n.Length is not (8 or 9) || !char.IsAsciiDigit(n[0]) || !Digits(n[2..7], 5)) return Format;
        static char Check(string seven, char? extra) =>
            alphabet[(Weighted(seven.PadLeft(7, '0'), 8, 7, 6, 5, 4, 3, 2) + 9 * (extra is { } e ? alphabet.IndexOf(e) : 0)) % 23];
        if (Digits(n[..7], 7)) return Ok(n[7] == Check(n[..7], n.Length == 9 ? n[8] : null));
        if (n.Length == 8 && (char.IsAsciiLetter(n[1]) || n[1] is '+' or '*')) return Ok(n[7] == Check(n[2..7] + n[0], null));
        return Format;
    }

    // lt/pvm: 9 digits (8th is 1) or 12 digits (11th is 1); weights 1..9 cycling, shifted by 2 when the first sum gives 10.
    private static string? Lithuania(string n)
    {
        if (!(Digits(n, 9) && n[7] == '1' || Digits(n, 12) && n[10] == '1')) return Format;
        int Sum(int shift)
        {
            var s = 0;
            for (var i = 0; i < n.Length - 1; i++) s += (1 + (i + shift) % 9) * Digit(n[i]);
            return s % 11;
        }
        var check = Sum(0);
        if (check == 10) check = Sum(2);
        return Ok(check % 10 == Digit(n[^1]));
    }

    // lv/pvn: 11 digits; legal entities (first digit > 3): Σ w·d mod 11 = 3; persons: check = (1 + Σ w·d) mod 11 mod 10.
    private static string? Latvia(string n)
    {
        if (!Digits(n, 11)) return Format;
        if (n[0] > '3') return Ok(Weighted(n, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3);
        return Ok((1 + Weighted(n, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9)) % 11 % 10 == Digit(n[10]));
    }

    // nl/btw: 9 digits (zero-padded) + B + 2 digits (not 00); ISO 7064 MOD 97,10 over NL+number, or the old 11-proof (BSN).
    private static string? Netherlands(string n)
    {
        var b = n.IndexOf('B');
        if (b < 1 || b > 9 || n.Length - b != 3) return Format;
        n = n[..b].PadLeft(9, '0') + n[b..];
        if (!Digits(n[..9], 9) || !Digits(n[10..], 2) || n[10..] == "00") return Format;
        var elevenProof = (Weighted(n, 9, 8, 7, 6, 5, 4, 3, 2) - Digit(n[8])) % 11 == 0 && n[..9] != "000000000";
        return Ok(elevenProof || Iso7064Mod97_10("NL" + n));
    }

    // ro/cf: a CUI of 2–10 digits (check = 10·Σ w·d mod 11 mod 10, left-padded to 9) or a 13-digit CNP.
    private static string? Romania(string n)
    {
        if (Digits(n, 13))
        {
            var check = Weighted(n, 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9) % 11;
            return Ok((check == 10 ? 1 : check) == Digit(n[12]));
        }
        if (n.Length is < 2 or > 10 || !n.All(char.IsAsciiDigit) || n[0] == '0') return Format;
        var body = n[..^1].PadLeft(9, '0');
        return Ok(10 * Weighted(body, 7, 5, 3, 2, 1, 7, 5, 3, 2) % 11 % 10 == Digit(n[^1]));
    }

    // sk/dph: 10 digits, not starting 0, third digit 2, 3, 4, 7, 8 or 9, and divisible by 11.
    private static string? Slovakia(string n) =>
        Digits(n, 10) && n[0] != '0' && "234789".Contains(n[2]) ? Ok(long.Parse(n) % 11 == 0) : Format;

    // gb/vat for XI: 9 digits (12 with a branch suffix), Σ w·d mod 97 = 0 (or 42 or 55 from prefix 100 up);
    // government (GD) and health-authority (HA) numbers have no check digits.
    private static string? NorthernIreland(string n)
    {
        if (n.Length == 5 && (n.StartsWith("GD", StringComparison.Ordinal) && int.Parse(n[2..]) < 500
                              || n.StartsWith("HA", StringComparison.Ordinal) && int.Parse(n[2..]) >= 500) && Digits(n[2..], 3))
            return null;
        if (!(Digits(n, 9) || Digits(n, 12))) return Format;
        var sum = Weighted(n, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
        return Ok(sum == 0 || int.Parse(n[..3]) >= 100 && sum is 42 or 55);
    }
}
