using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>The rows of the reference data, in the model's field order: accounts and the catalogue.</summary>
internal static class DemoReferenceRows
{
    public static void Accounts(IReadOnlyList<DemoAccount> accounts, DemoBatchWriter writer)
    {
        foreach (var a in accounts)
            writer.Add(ShopModel.Account,
            [
                a.Id, a.Name, a.VatNumber, a.Country, a.Segment, a.PriceList, a.SalesRep, a.ParentId, a.OpenedAt, a.Status,
                a.AcquisitionChannel,
            ]);
    }

    public static void Catalog(DemoCatalog catalog, DemoBatchWriter writer)
    {
        foreach (var p in catalog.Products)
            writer.Add(ShopModel.Product,
            [
                p.Sku, p.Name, p.Description, p.Brand, p.CategoryPath, p.Gtin, p.Status, p.ListPrice, p.UnitCost, "EUR",
                p.WeightKg, p.LengthCm, p.WidthCm, p.HeightCm, p.MinOrderQty, p.OrderMultiple, p.Supplier, p.CreatedAt, p.UpdatedAt,
            ]);
        foreach (var p in catalog.Products)
            foreach (var t in p.Translations)
                writer.Add(ShopModel.ProductTranslation, [p.Sku, t.Locale, t.Name, t.Description]);
        foreach (var p in catalog.Products)
            foreach (var t in p.Tiers)
                writer.Add(ShopModel.TierPrice, [p.Sku, t.PriceList, t.MinQty, t.UnitPrice, "EUR"]);
        foreach (var p in catalog.Products)
            foreach (var s in p.Stock)
                writer.Add(ShopModel.Stock, [p.Sku, s.Warehouse, s.Quantity, s.Reserved, s.ReorderPoint, s.UpdatedAt]);
        foreach (var p in catalog.Products)
            foreach (var m in p.Media)
                writer.Add(ShopModel.Media,
                [
                    m.Id, p.Sku, m.Url, m.Kind, m.AltText, m.Position, m.Width, m.Height, m.Bytes, m.ContentType, m.CheckedAt, m.Status,
                ]);
    }

    /// <summary>Each key account's own price list: its negotiated price on its favourite products.</summary>
    public static void KeyAccountTiers(IReadOnlyList<DemoAccount> accounts, DemoCatalog catalog, DemoBatchWriter writer)
    {
        foreach (var a in accounts.Where(a => a.Segment == DemoAccount.KeyAccount))
            foreach (var index in a.Favourites)
            {
                var p = catalog.Products[index];
                if (p.Status == "draft") continue;
                writer.Add(ShopModel.TierPrice, [p.Sku, a.PriceList, p.MinOrderQty, DemoPricing.KeyPrice(p, a), "EUR"]);
            }
    }
}
