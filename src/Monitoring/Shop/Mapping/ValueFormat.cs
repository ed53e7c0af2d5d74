using System.Buffers;
using System.Globalization;

namespace Monitoring.Shop.Mapping;

/// <summary>
/// How a source writes numbers, dates and booleans as text, and in which time zone its wall-clock times are. Raw
/// text becomes a number, a timestamp or a date only through here, so that one export's conventions hold everywhere.
/// </summary>
public sealed class ValueFormat
{
    private const NumberStyles Styles = NumberStyles.Float | NumberStyles.AllowTrailingSign;

    /// <summary>ISO 8601 without an offset, always accepted after the source's own formats (read in its time zone).</summary>
    private static readonly string[] IsoLocal =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \u00A0\u202F");

    private readonly SearchValues<char> _special;
    private readonly (string Pattern, bool HasOffset)[] _dateFormats;

    public ValueFormat(char decimalSeparator = '.', char? thousandsSeparator = null, IReadOnlyList<string>? dateFormats = null,
        TimeZoneInfo? timeZone = null)
    {
        DecimalSeparator = decimalSeparator;
        ThousandsSeparator = thousandsSeparator;
        DateFormats = dateFormats ?? [];
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        _special = SearchValues.Create(" \u00A0\u202F," + (decimalSeparator == '.' ? "" : ".") + thousandsSeparator);
        _dateFormats = DateFormats.Select(f => (f, f.Contains('z') || f.Contains('K'))).ToArray();
    }

    /// <summary>Dot decimals, ISO dates, UTC.</summary>
    public static ValueFormat Default { get; } = new();

    public char DecimalSeparator { get; }

    public char? ThousandsSeparator { get; }

    /// <summary>.NET exact formats tried in order before ISO 8601.</summary>
    public IReadOnlyList<string> DateFormats { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>What a date is expected to look like, for rejection messages.</summary>
    public string ExpectedDates => DateFormats.Count == 0 ? "ISO 8601" : string.Join(" or ", DateFormats) + " or ISO 8601";

    public bool TryParseNumber(ReadOnlySpan<char> text, out decimal value) =>
        // Most values are plain "12.50": parse them in place, and normalise only the ones with separators or spaces.
        text.IndexOfAny(_special) < 0
            ? decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value)
            : TryParseNumber(text, DecimalSeparator, ThousandsSeparator, out value);

    /// <summary>Parses with another decimal separator than the source's, as <c>number(x, ',')</c> asks.</summary>
    public bool TryParseNumber(ReadOnlySpan<char> text, char decimalSeparator, out decimal value) =>
        TryParseNumber(text, decimalSeparator, ThousandsSeparator == decimalSeparator ? null : ThousandsSeparator, out value);

    private static bool TryParseNumber(ReadOnlySpan<char> text, char decimalSeparator, char? thousandsSeparator, out decimal value)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c == decimalSeparator) buffer[length++] = '.';
            else if (c == thousandsSeparator || Spaces.Contains(c)) continue;
            else if (c is '.' or ',')
            {
                // A separator the source did not declare: "1.234,5" in a dot-decimal export is not a number to guess at.
                value = 0;
                return false;
            }
            else buffer[length++] = c;
        }
        return decimal.TryParse(buffer[..length], Styles, CultureInfo.InvariantCulture, out value);
    }

    public bool TryParseTimestamp(ReadOnlySpan<char> text, string? format, out DateTime utc)
    {
        if (!TryParseWallClock(text, format, out var value, out var isUtc))
        {
            utc = default;
            return false;
        }
        utc = isUtc ? value : ToUtc(value);
        return true;
    }

    public bool TryParseDate(ReadOnlySpan<char> text, string? format, out DateOnly date)
    {
        if (!TryParseWallClock(text, format, out var value, out var isUtc))
        {
            date = default;
            return false;
        }
        date = isUtc ? ToLocalDate(value) : DateOnly.FromDateTime(value);
        return true;
    }

    /// <summary>A wall-clock time of the source's zone as an instant.</summary>
    public DateTime ToUtc(DateTime local)
    {
        if (TimeZone == TimeZoneInfo.Utc) return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time in the hour skipped when clocks spring forward does not exist; it can only mean the hour after.
        if (TimeZone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }

    /// <summary>The calendar day of an instant in the source's zone.</summary>
    public DateOnly ToLocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZone == TimeZoneInfo.Utc ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone));

    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) ||
            text.Equals("y", StringComparison.OrdinalIgnoreCase) || text.Equals("t", StringComparison.OrdinalIgnoreCase) || text is "1")
            return value = true;
        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) ||
               text.Equals("n", StringComparison.OrdinalIgnoreCase) || text.Equals("f", StringComparison.OrdinalIgnoreCase) || text is "0";
    }

    /// <summary>Parses with <paramref name="format"/> (or the source's formats), then ISO 8601; an instant when the text has an offset.</summary>
    private bool TryParseWallClock(ReadOnlySpan<char> text, string? format, out DateTime value, out bool isUtc)
    {
        text = text.Trim();
        if (format is not null)
        {
            if (TryExact(text, format, format.Contains('z') || format.Contains('K'), out value, out isUtc)) return true;
        }
        else
        {
            foreach (var (pattern, hasOffset) in _dateFormats)
                if (TryExact(text, pattern, hasOffset, out value, out isUtc)) return true;
        }
        isUtc = HasOffset(text);
        if (isUtc)
        {
            var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant);
            value = instant.UtcDateTime;
            return ok && text.Length >= 10 && text[4] == '-';
        }
        return DateTime.TryParseExact(text, IsoLocal, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool TryExact(ReadOnlySpan<char> text, string pattern, bool hasOffset, out DateTime value, out bool isUtc)
    {
        isUtc = hasOffset;
        if (!hasOffset)
            return DateTime.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
        var ok = DateTimeOffset.TryParseExact(text, pattern, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var instant);
        value = instant.UtcDateTime;
        return ok;
    }

    /// <summary>An ISO time with <c>Z</c> or <c>±hh:mm</c> after the date part.</summary>
    private static bool HasOffset(ReadOnlySpan<char> text) =>
        text.Length > 10 && (text[^1] is 'Z' or 'z' || text[10..].IndexOfAny('+', '-') >= 0);
}
