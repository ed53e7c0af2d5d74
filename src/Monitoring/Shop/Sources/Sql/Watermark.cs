using System.Globalization;

namespace Monitoring.Shop.Sources.Sql;

/// <summary>
/// A watermark stored as text with its type (<c>timestamptz:2024-05-01T10:00:00.0000000Z</c>), so that the next run
/// passes <c>@watermark</c> as the same type as the column it is compared with.
/// </summary>
public static class Watermark
{
    public static string Encode(object value) => value switch
    {
        DateTime { Kind: DateTimeKind.Utc } utc => "timestamptz:" + utc.ToString("O", CultureInfo.InvariantCulture),
        DateTime local => "timestamp:" + DateTime.SpecifyKind(local, DateTimeKind.Unspecified).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset offset => "timestamptz:" + offset.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => "date:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        long n => "bigint:" + n.ToString(CultureInfo.InvariantCulture),
        int n => "integer:" + n.ToString(CultureInfo.InvariantCulture),
        short n => "smallint:" + n.ToString(CultureInfo.InvariantCulture),
        decimal n => "numeric:" + n.ToString(CultureInfo.InvariantCulture),
        _ => "text:" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The typed value, or null for none; text without a known type prefix is taken as text.</summary>
    public static object? Decode(string? stored)
    {
        if (stored is null) return null;
        var colon = stored.IndexOf(':');
        var text = colon < 0 ? stored : stored[(colon + 1)..];
        var invariant = CultureInfo.InvariantCulture;
        return (colon < 0 ? "" : stored[..colon]) switch
        {
            "timestamptz" => DateTime.Parse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            "timestamp" => DateTime.SpecifyKind(DateTime.Parse(text, invariant, DateTimeStyles.None), DateTimeKind.Unspecified),
            "date" => DateOnly.ParseExact(text, "yyyy-MM-dd", invariant),
            "bigint" => long.Parse(text, invariant),
            "integer" => int.Parse(text, invariant),
            "smallint" => short.Parse(text, invariant),
            "numeric" => decimal.Parse(text, invariant),
            "text" => text,
            _ => stored,
        };
    }
}
