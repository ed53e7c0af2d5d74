namespace Monitoring.Shop.Demo;

/// <summary>
/// What an account pays for a product: its own key-account price on its favourites, else the tier of its price list
/// for the quantity, else the list price less its discount; never under cost + 5 % unless the list price already is.
/// </summary>
internal static class DemoPricing
{
    /// <summary>A key account's negotiated price on one of its favourite products (a <c>key-&lt;id&gt;</c> tier).</summary>
    public static decimal KeyPrice(DemoProduct p, DemoAccount a) =>
        DemoCatalogDetails.Floor(p, DemoRandom.Money(p.ListPrice * (1 - a.Discount - 0.03m)));

    public static decimal NetPrice(DemoProduct p, DemoAccount a, long quantity)
    {
        if (a.Segment == DemoAccount.KeyAccount && Array.BinarySearch(a.Favourites, IndexOf(p)) >= 0) return KeyPrice(p, a);
        return p.TierPrice(a.PriceList, quantity) ?? DemoCatalogDetails.Floor(p, DemoRandom.Money(p.ListPrice * (1 - a.Discount)));
    }

    /// <summary>The catalogue index of a product, from its SKU (<c>SKU000001</c> is 0).</summary>
    public static int IndexOf(DemoProduct p) => int.Parse(p.Sku.AsSpan(3)) - 1;
}
