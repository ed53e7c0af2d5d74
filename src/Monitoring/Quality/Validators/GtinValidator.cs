namespace Monitoring.Quality.Validators;

/// <summary>
/// GS1 GTIN-8, -12 (UPC-A), -13 (EAN) and -14: the length, the mod-10 check digit, and what the prefix says the
/// number is (research §1.7). The prefix is read on the 13-digit form (a GTIN-12 left-padded with a zero; a GTIN-14's
/// first digit is a packaging indicator and is dropped).
/// </summary>
public static class GtinValidator
{
    /// <summary>
    /// What a prefix of the 13-digit form means. Restricted circulation (in-store numbers, variable-measure items)
    /// is 020–029, 040–049 and 200–299 (Google Merchant Center rejects them as "Restricted GTIN"); 977 is ISSN,
    /// 978–979 ISBN (valid on books only); 980 refund receipts; 981–984 and 99 coupons; 050–059 the old UPC coupon
    /// range. Sources: GS1 General Specifications prefix list via research §1.7; support.google.com/merchants 6286293, 6286302.
    /// </summary>
    public enum PrefixClass
    {
        Product,
        Restricted,
        Issn,
        Isbn,
        Refund,
        Coupon,
    }

    /// <summary>Spaces and dashes removed; null when nothing is left.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null) return null;
        var compact = new string(text.Where(c => c is not (' ' or '-')).ToArray());
        return compact.Length == 0 ? null : compact;
    }

    /// <summary>Why the number is not a well-formed GTIN, or null when length and check digit are right.</summary>
    public static string? FormatError(string gtin)
    {
        if (!gtin.All(char.IsAsciiDigit)) return "only digits are allowed";
        if (gtin.Length is not (8 or 12 or 13 or 14)) return $"{gtin.Length} digits, a GTIN has 8, 12, 13 or 14";
        if (gtin.All(c => c == '0')) return "all zeros";
        var expected = CheckDigit(gtin.AsSpan(0, gtin.Length - 1));
        return gtin[^1] - '0' == expected ? null : $"check digit should be {expected}";
    }

    public static bool IsValid(string? gtin) => Normalise(gtin) is { } g && FormatError(g) is null;

    /// <summary>The GS1 check digit of the digits before it: weights 3,1,3… from the right.</summary>
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
            sum += (payload[payload.Length - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        return (10 - sum % 10) % 10;
    }

    /// <summary>The class of a well-formed GTIN's prefix.</summary>
    public static PrefixClass Classify(string gtin)
    {
        // A GTIN-8 has its own prefixes: 0 (velocity codes) and 2 are restricted-circulation numbers (RCN-8).
        if (gtin.Length == 8) return gtin[0] is '0' or '2' ? PrefixClass.Restricted : PrefixClass.Product;
        var thirteen = gtin.Length == 14 ? gtin[1..] : gtin.PadLeft(13, '0');
        var p3 = int.Parse(thirteen.AsSpan(0, 3));
        return p3 switch
        {
            >= 20 and <= 29 or >= 40 and <= 49 or >= 200 and <= 299 => PrefixClass.Restricted,
            977 => PrefixClass.Issn,
            978 or 979 => PrefixClass.Isbn,
            980 => PrefixClass.Refund,
            >= 981 and <= 984 or >= 990 or >= 50 and <= 59 => PrefixClass.Coupon,
            _ => PrefixClass.Product,
        };
    }
}
