using System.Globalization;
using System.Text.Json;
using Monitoring.Shop.Model;

namespace Monitoring.Shop.Ingest;

/// <summary>
/// Converts a JSON value to a canonical field's type. JSON has no dates and one number type, so the rules are
/// written down here: timestamps are ISO 8601 strings (without an offset they are taken as UTC), dates are
/// <c>yyyy-MM-dd</c>, numbers may also come as strings with a dot, booleans as true/false.
/// </summary>
internal static class JsonValues
{
    /// <summary>The converted value (null for JSON null or an empty string), or an error saying what was expected.</summary>
    public static object? Convert(JsonElement value, ShopField field, out string? error)
    {
        error = null;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 0 }) return null;
        object? converted = field.Type switch
        {
            ShopFieldType.Text => value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            },
            ShopFieldType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n
                : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n
                : null,
            ShopFieldType.Decimal => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d
                : value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out d) ? d
                : null,
            ShopFieldType.Timestamp => value.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t.ToUniversalTime() : null,
            ShopFieldType.Date => value.ValueKind == JsonValueKind.String &&
                DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            ShopFieldType.Boolean => value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null },
            _ => null,
        };
        if (converted is null) error = $"{field.Name}: {Describe(value)} is not {Expected(field.Type)}";
        return converted;
    }

    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 60 ? raw[..57] + "..." : raw;
    }

    private static string Expected(ShopFieldType type) => type switch
    {
        ShopFieldType.Text => "a string",
        ShopFieldType.Integer => "a whole number",
        ShopFieldType.Decimal => "a number",
        ShopFieldType.Timestamp => "an ISO 8601 timestamp such as \"2026-11-23T09:30:00Z\"",
        ShopFieldType.Date => "a date such as \"2026-11-23\"",
        ShopFieldType.Boolean => "true or false",
        _ => type.ToString(),
    };
}
