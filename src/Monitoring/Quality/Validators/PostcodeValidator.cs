using System.Text.RegularExpressions;

namespace Monitoring.Quality.Validators;

/// <summary>
/// Postcode formats per country (the shop's markets), and a generic fallback for the others: 2 to 10 letters, digits,
/// spaces or dashes, starting and ending with a letter or digit. Patterns follow each postal operator's published
/// format (Universal Postal Union addressing guides).
/// </summary>
public static partial class PostcodeValidator
{
    private static readonly Dictionary<string, (Regex Pattern, string Example)> Formats = new()
    {
        ["FR"] = (FiveDigits(), "75008"),
        ["DE"] = (FiveDigits(), "10115"),
        ["IT"] = (FiveDigits(), "00184"),
        // Spain: 5 digits whose first two are a province, 01–52.
        ["ES"] = (Spain(), "28013"),
        ["BE"] = (FourDigitsFrom1(), "1000"),
        ["AT"] = (FourDigitsFrom1(), "1010"),
        // Luxembourg: 4 digits, often written L-1234.
        ["LU"] = (Luxembourg(), "L-1009"),
        // Netherlands: 4 digits (not from 0) and 2 letters, SA, SD and SS are never issued.
        ["NL"] = (Netherlands(), "1012 AB"),
        ["PT"] = (Portugal(), "1100-148"),
        // Ireland: an Eircode, a routing key (letter + 2 digits, or D6W) and a 4-character unique identifier.
        ["IE"] = (Ireland(), "D02 X285"),
        ["PL"] = (Poland(), "00-950"),
    };

    /// <summary>The countries with their own pattern.</summary>
    public static IReadOnlyCollection<string> Countries => Formats.Keys;

    /// <summary>Why the postcode does not fit the country, or null.</summary>
    public static string? Error(string postcode, string? country)
    {
        var text = postcode.Trim();
        if (country is not null && Formats.TryGetValue(country.ToUpperInvariant(), out var format))
            return format.Pattern.IsMatch(text) ? null : $"not a {country.ToUpperInvariant()} postcode (like {format.Example})";
        return Generic().IsMatch(text) ? null : "not a postcode";
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex FiveDigits();

    [GeneratedRegex(@"^(0[1-9]|[1-4]\d|5[0-2])\d{3}$")]
    private static partial Regex Spain();

    [GeneratedRegex(@"^[1-9]\d{3}$")]
    private static partial Regex FourDigitsFrom1();

    [GeneratedRegex(@"^(L-?)?\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex Luxembourg();

    [GeneratedRegex(@"^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex Netherlands();

    [GeneratedRegex(@"^[1-9]\d{3}-\d{3}$")]
    private static partial Regex Portugal();

    [GeneratedRegex(@"^([AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex Ireland();

    [GeneratedRegex(@"^\d{2}-\d{3}$")]
    private static partial Regex Poland();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]$")]
    private static partial Regex Generic();
}
