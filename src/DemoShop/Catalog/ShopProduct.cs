namespace DemoShop.Catalog;

/// <summary>
/// A product as the storefront sells it. Prices exclude VAT, in EUR, per unit. <paramref name="CategoryPath"/> has
/// three levels separated by <c>" > "</c> (top, middle, leaf), as the monitoring demo generator writes them.
/// </summary>
public sealed record ShopProduct(
    string Sku,
    string Name,
    string? Description,
    string Brand,
    string CategoryPath,
    decimal ListPrice,
    int Stock,
    string Gtin,
    string? ImageUrl,
    int MinOrderQty = 1)
{
    /// <summary>The category path's levels, top first (one to three of them).</summary>
    public IReadOnlyList<string> CategoryLevels { get; } =
        CategoryPath.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
