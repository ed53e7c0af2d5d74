namespace Monitoring.Shop.Demo;

/// <summary>
/// A product of the demo catalogue as the storefront sells it: prices exclude VAT, in EUR. Everything but the
/// timestamps depends on the seed and scale only, not on the end of history.
/// </summary>
public sealed record DemoProduct(
    string Sku,
    string Name,
    string? Description,
    string Brand,
    string CategoryPath,
    string Gtin,
    string Status,
    decimal ListPrice,
    decimal UnitCost,
    decimal? WeightKg,
    decimal LengthCm,
    decimal WidthCm,
    decimal HeightCm,
    long MinOrderQty,
    long OrderMultiple,
    string Supplier,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DemoTierPrice> Tiers,
    IReadOnlyList<DemoStockLevel> Stock,
    IReadOnlyList<DemoMedia> Media,
    IReadOnlyList<DemoTranslation> Translations)
{
    /// <summary>On sale from this day (creation) to <see cref="SellableUntil"/> (discontinuation), in Paris days.</summary>
    internal DateOnly SellableFrom { get; init; }

    internal DateOnly SellableUntil { get; init; } = DateOnly.MaxValue;

    /// <summary>Relative share of order lines.</summary>
    internal double Popularity { get; init; }

    internal bool Consumable { get; init; }

    /// <summary>The size or model variant and the manufacturer reference in the name, reused by translations.</summary>
    internal string Variant { get; init; } = "";

    internal string Model { get; init; } = "";

    /// <summary>The unit price in a price list for a quantity: the highest tier at or under it, or null.</summary>
    public decimal? TierPrice(string priceList, long quantity)
    {
        decimal? price = null;
        foreach (var t in Tiers)
            if (t.PriceList == priceList && t.MinQty <= quantity) price = t.UnitPrice;
        return price;
    }
}

/// <summary>A product's unit price in a price list from a minimum quantity (tiers are in ascending quantity).</summary>
public sealed record DemoTierPrice(string PriceList, long MinQty, decimal UnitPrice);

/// <summary>A product's stock in one warehouse at the end of history.</summary>
public sealed record DemoStockLevel(string Warehouse, decimal Quantity, decimal Reserved, decimal ReorderPoint, DateTimeOffset UpdatedAt);

/// <summary>An image or document of a product, with what its last check found (<c>ok</c> or <c>broken</c>).</summary>
public sealed record DemoMedia(string Id, string Url, string Kind, string? AltText, long Position, long? Width, long? Height,
    long Bytes, string ContentType, DateTimeOffset CheckedAt, string Status);

/// <summary>A product's name and description in another locale.</summary>
public sealed record DemoTranslation(string Locale, string Name, string? Description);

/// <summary>The price lists and what they take off list prices; key accounts each have their own <c>key-&lt;id&gt;</c>.</summary>
public static class DemoPriceLists
{
    public const string Public = "public", Reseller = "reseller", Distributor = "distributor";

    /// <summary>The discount of a shared price list off the list price.</summary>
    public static decimal Discount(string priceList) => priceList switch
    {
        Reseller => 0.15m,
        Distributor => 0.25m,
        _ => 0m,
    };

    public static string Key(string accountId) => "key-" + accountId;
}
