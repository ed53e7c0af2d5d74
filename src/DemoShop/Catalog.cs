namespace DemoShop;

/// <summary>A product of the demo shop's catalogue; prices are net, excluding VAT, per unit.</summary>
public sealed record Product(string Sku, string Name, string Category, decimal ListPrice, int MinOrderQuantity, string Description);

/// <summary>The demo catalogue: a few professional supplies, enough for the storefront's pages to be real.</summary>
public static class Catalog
{
    public static IReadOnlyList<Product> Products { get; } =
    [
        new("GLV-NIT-100", "Nitrile gloves, box of 100", "Hygiene", 7.90m, 10, "Powder-free nitrile examination gloves, size M."),
        new("PAP-A4-2500", "A4 copy paper, 80 g, 5 reams", "Office", 21.50m, 4, "2,500 sheets of white 80 g/m² paper for laser and inkjet printers."),
        new("CLN-SURF-5L", "Surface cleaner, 5 L", "Hygiene", 14.20m, 2, "Concentrated all-purpose cleaner for professional kitchens."),
        new("TAP-PKG-66", "Packing tape, 66 m × 48 mm", "Shipping", 1.35m, 36, "Low-noise brown polypropylene tape."),
        new("BOX-DW-40", "Double-wall boxes 40 × 30 × 30, pack of 20", "Shipping", 24.00m, 5, "Corrugated cardboard boxes for heavy parcels."),
    ];

    public static Product? Find(string sku) => Products.FirstOrDefault(p => string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase));
}
