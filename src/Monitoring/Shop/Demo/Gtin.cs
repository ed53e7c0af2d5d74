namespace Monitoring.Shop.Demo;

/// <summary>EAN-13 (GTIN-13) check digits: weights 1 and 3 alternating from the left over the first 12 digits.</summary>
public static class Gtin
{
    /// <summary>The check digit of 12 digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first12)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (first12[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return (10 - sum % 10) % 10;
    }

    /// <summary>13 digits whose last is the check digit of the first 12.</summary>
    public static bool IsValid(string? gtin) =>
        gtin is { Length: 13 } && gtin.All(char.IsAsciiDigit) && gtin[12] - '0' == CheckDigit(gtin);

    /// <summary>12 digits followed by their check digit.</summary>
    public static string Complete(string first12) => first12 + (char)('0' + CheckDigit(first12));
}
