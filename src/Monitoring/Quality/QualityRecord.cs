using System.Globalization;

namespace Monitoring.Quality;

/// <summary>
/// One row of a canonical entity as the rules see it: its field values by canonical field name, typed as the model's
/// <see cref="Shop.Model.ShopField.ClrType"/> (string, long, decimal, DateTimeOffset, DateOnly, bool), plus the
/// related rows some rules need. The store fills only the context the configured rules ask for.
/// </summary>
public sealed record QualityRecord(string Entity, string Key, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Revenue excluding VAT over the last 90 days (the product's sales, the account's orders; a contact or an
    /// address carries its account's). Scores and finding priorities are weighted by it.</summary>
    public decimal Revenue90d { get; init; }

    /// <summary>The row this one belongs to: a media's or tier price's product, a contact's or address's account.</summary>
    public QualityRecord? Owner { get; init; }

    /// <summary>An account's addresses (billing and delivery).</summary>
    public IReadOnlyList<QualityRecord> Addresses { get; init; } = [];

    /// <summary>A product's media rows.</summary>
    public IReadOnlyList<QualityRecord> Media { get; init; } = [];

    /// <summary>A product's tier prices, every price list.</summary>
    public IReadOnlyList<QualityRecord> TierPrices { get; init; } = [];

    /// <summary>A product's translations (entity <c>product_translation</c>, one per locale).</summary>
    public IReadOnlyList<QualityRecord> Translations { get; init; } = [];

    /// <summary>The weight of this record in revenue-weighted means: revenue + 1, so that an item that sold nothing
    /// still counts (research §6.2.7).</summary>
    public decimal BusinessWeight => Math.Max(0, Revenue90d) + 1;

    /// <summary>The raw value of a field, or null when absent.</summary>
    public object? Get(string field) => Values.GetValueOrDefault(field);

    /// <summary>The value as text: null when absent or blank, numbers in the invariant culture, timestamps ISO 8601.</summary>
    public string? Text(string field) => AsText(Get(field));

    /// <summary>Whether <see cref="Text"/> gives a value, without formatting a number or a date to find out.</summary>
    public bool HasText(string field) => Get(field) switch
    {
        null => false,
        string s => !string.IsNullOrWhiteSpace(s),
        bool or IFormattable => true,
        var value => value.ToString() is not null,
    };

    /// <summary>The value as a number when it is one (or numeric text), else null.</summary>
    public decimal? Number(string field) => Get(field) switch
    {
        decimal d => d,
        long l => l,
        int i => i,
        double d when double.IsFinite(d) => (decimal)d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>The value as an instant when it is a timestamp or a date (midnight UTC), else null.</summary>
    public DateTimeOffset? Instant(string field) => Get(field) switch
    {
        DateTimeOffset t => t,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => null,
    };

    /// <summary>Text for any value the model holds; blank text is null so that "empty" and "missing" mean the same.</summary>
    public static string? AsText(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public override string ToString() => $"{Entity} {Key}";
}
