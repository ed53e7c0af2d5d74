namespace Monitoring.Shop.Demo;

/// <summary>What hangs off each product: tier prices, stock per warehouse, media and translations, with their defects.</summary>
internal static class DemoCatalogDetails
{
    private static readonly string[] SharedLists = [DemoPriceLists.Public, DemoPriceLists.Reseller, DemoPriceLists.Distributor];

    public static void Attach(DemoDataOptions options, DemoCalendar calendar, DemoProduct[] products, DemoCategory[] leaves,
        bool[] missingImages, Dictionary<string, long> counts)
    {
        var seed = options.Seed;
        AttachTiers(DemoRandom.For(seed, DemoRandom.Tiers), products, counts);
        AttachStock(DemoRandom.For(seed, DemoRandom.Stock), calendar, products, counts);
        AttachMedia(DemoRandom.For(seed, DemoRandom.Media), options.MediaBaseUrl.TrimEnd('/'), calendar, products, missingImages, counts);
        AttachTranslations(DemoRandom.For(seed, DemoRandom.Names), products, leaves);
    }

    /// <summary>The floor a negotiated price never goes under, unless the product is already sold below cost.</summary>
    public static decimal Floor(DemoProduct p, decimal price) =>
        p.ListPrice >= p.UnitCost ? Math.Max(price, DemoRandom.Money(p.UnitCost * 1.05m)) : price;

    private static void AttachTiers(Random rng, DemoProduct[] products, Dictionary<string, long> counts)
    {
        var tiered = new List<int>();
        for (var i = 0; i < products.Length; i++)
            if (products[i].Status != "draft" && rng.Chance(0.65)) tiered.Add(i);
        var rising = DemoRandom.Pick(rng, tiered.Count, DemoDefects.CountFor(DemoDefects.TierPriceRisingRate, tiered.Count));
        for (var t = 0; t < tiered.Count; t++)
        {
            var p = products[tiered[t]];
            (long Min, decimal Factor)[] steps = p.Consumable
                ? [(1, 1m), (10, 0.94m), (50, 0.89m), (200, 0.85m)]
                : [(1, 1m), (5, 0.96m), (20, 0.92m)];
            // The first tier starts at the minimum order quantity; tiers at or under it are dropped.
            steps = [(p.MinOrderQty, steps[0].Factor), .. steps.Skip(1).Where(s => s.Min > p.MinOrderQty)];
            var tiers = new List<DemoTierPrice>();
            foreach (var list in SharedLists)
            {
                var previous = decimal.MaxValue;
                for (var s = 0; s < steps.Length; s++)
                {
                    var price = Floor(p, DemoRandom.Money(p.ListPrice * (1 - DemoPriceLists.Discount(list)) * steps[s].Factor));
                    if (rising[t] && list == DemoPriceLists.Public && s == steps.Length - 1)
                        price = DemoRandom.Money(previous * 1.03m) + 0.01m; // the ERP export took a stale price for the last tier
                    previous = price;
                    tiers.Add(new DemoTierPrice(list, steps[s].Min, price));
                }
            }
            products[tiered[t]] = p with { Tiers = tiers };
        }
        counts[DemoDefects.TierPriceRising] = rising.Count(b => b);
    }

    private static void AttachStock(Random rng, DemoCalendar calendar, DemoProduct[] products, Dictionary<string, long> counts)
    {
        var levels = new List<(int Product, DemoStockLevel Level)>();
        for (var i = 0; i < products.Length; i++)
        {
            var p = products[i];
            var typical = p.Consumable ? rng.LogBetween(80, 4000) : rng.LogBetween(5, 250);
            for (var w = 0; w < DemoCatalog.Warehouses.Count; w++)
            {
                if (w == 1 && !rng.Chance(0.55) || w == 2 && !rng.Chance(0.2)) continue;
                var reorder = Math.Round((decimal)(typical * 0.2));
                var roll = rng.NextDouble();
                var quantity = p.Status == "draft" || roll < 0.05 ? 0m // out of stock
                    : roll < 0.13 ? Math.Round(reorder * (decimal)rng.Between(0.1, 0.95)) // below the reorder point
                    : Math.Round((decimal)(typical * rng.Between(0.4, 1.6)));
                var reserved = Math.Round(quantity * (decimal)rng.Between(0, 0.1));
                var updated = DemoCalendar.Utc(calendar.End, rng.Between(0, 23.9));
                levels.Add((i, new DemoStockLevel(DemoCatalog.Warehouses[w], quantity, reserved, reorder, updated)));
            }
        }
        var negative = DemoRandom.Pick(rng, levels.Count, DemoDefects.CountFor(DemoDefects.NegativeStockRate, levels.Count));
        var stale = DemoRandom.Pick(rng, levels.Count, DemoDefects.CountFor(DemoDefects.StaleStockRate, levels.Count));
        for (var s = 0; s < levels.Count; s++)
        {
            var (i, level) = levels[s];
            if (negative[s]) level = level with { Quantity = -rng.Next(1, 25), Reserved = 0 };
            if (stale[s]) level = level with { UpdatedAt = level.UpdatedAt.AddDays(-rng.Next(3, 21)) };
            levels[s] = (i, level);
        }
        foreach (var group in levels.GroupBy(l => l.Product))
            products[group.Key] = products[group.Key] with { Stock = group.Select(l => l.Level).ToArray() };
        counts[DemoDefects.NegativeStock] = negative.Count(b => b);
        counts[DemoDefects.StaleStock] = stale.Count(b => b);
    }

    /// <summary>Image URLs name the image's size (<c>SKU/2-1600x1200.png</c>) so that the demo shop serves a file of
    /// exactly the size the row says; the second image of a product is a PNG, the others JPEGs; a broken medium's URL
    /// (<c>SKU/1-gone.jpg</c>) answers 404.</summary>
    private static void AttachMedia(Random rng, string mediaBase, DemoCalendar calendar, DemoProduct[] products, bool[] missingImages,
        Dictionary<string, long> counts)
    {
        var media = new List<(int Product, DemoMedia Media)>();
        for (var i = 0; i < products.Length; i++)
        {
            if (missingImages[i]) continue;
            var p = products[i];
            var checkedAt = DemoCalendar.Utc(calendar.End.AddDays(-rng.Next(0, 7)), rng.Between(1, 5));
            var images = 1 + rng.Weighted([15, 35, 30, 20]);
            for (var n = 1; n <= images; n++)
            {
                var width = rng.Next(12, 25) * 100L;
                var height = rng.Chance(0.7) ? width : width * 3 / 4;
                media.Add((i, new DemoMedia($"{p.Sku}-{n}", ImageUrl(mediaBase, p.Sku, n, width, height), "image",
                    $"{p.Name}, vue {n}", n, width, height, width * height / 8 + rng.Next(5_000, 40_000), n == 2 ? "image/png" : "image/jpeg", checkedAt, "ok")));
            }
            if (!p.Consumable && rng.Chance(0.35) || p.Consumable && rng.Chance(0.15))
                media.Add((i, new DemoMedia($"{p.Sku}-doc", $"{mediaBase}/p/{p.Sku}/fiche-technique.pdf", "document",
                    $"Fiche technique {p.Name}", images + 1, null, null, rng.Next(150_000, 2_500_000), "application/pdf", checkedAt, "ok")));
        }
        var broken = DemoRandom.Pick(rng, media.Count, DemoDefects.CountFor(DemoDefects.BrokenMediaRate, media.Count));
        var notImages = media.Select((m, k) => broken[k] || m.Media.Kind != "image").ToArray();
        var imageCount = media.Count(m => m.Media.Kind == "image");
        var lowRes = DemoRandom.Pick(rng, media.Count, DemoDefects.CountFor(DemoDefects.LowResolutionImageRate, imageCount), notImages);
        var noAlt = DemoRandom.Pick(rng, media.Count, DemoDefects.CountFor(DemoDefects.MissingAltTextRate, media.Count));
        for (var k = 0; k < media.Count; k++)
        {
            var (i, m) = media[k];
            var sku = products[i].Sku;
            if (broken[k]) m = m with { Status = "broken", Bytes = 0, Width = null, Height = null, Url = $"{mediaBase}/p/{sku}/{m.Position}-gone.jpg" };
            if (lowRes[k])
            {
                m = m with { Width = rng.Next(3, 10) * 100L, Height = rng.Next(3, 10) * 100L, Bytes = rng.Next(20_000, 90_000) };
                m = m with { Url = ImageUrl(mediaBase, sku, m.Position, m.Width!.Value, m.Height!.Value) };
            }
            if (noAlt[k]) m = m with { AltText = null };
            media[k] = (i, m);
        }
        foreach (var group in media.GroupBy(m => m.Product))
            products[group.Key] = products[group.Key] with { Media = group.Select(m => m.Media).ToArray() };
        counts[DemoDefects.BrokenMedia] = broken.Count(b => b);
        counts[DemoDefects.LowResolutionImage] = lowRes.Count(b => b);
        counts[DemoDefects.MissingAltText] = noAlt.Count(b => b);
    }

    private static string ImageUrl(string mediaBase, string sku, long n, long width, long height) =>
        $"{mediaBase}/p/{sku}/{n}-{width}x{height}.{(n == 2 ? "png" : "jpg")}";

    /// <summary>English for about 70 % of the sellable catalogue, German for about 40 %: the rest is a translation backlog.</summary>
    private static void AttachTranslations(Random rng, DemoProduct[] products, DemoCategory[] leaves)
    {
        for (var i = 0; i < products.Length; i++)
        {
            var p = products[i];
            if (p.Status == "draft") continue;
            var leaf = leaves[i];
            var (variant, model) = (p.Variant, p.Model);
            var translations = new List<DemoTranslation>(2);
            if (rng.Chance(0.7))
                translations.Add(new DemoTranslation("en-GB", $"{leaf.English} {variant} {p.Brand} {model}",
                    DemoTexts.Describe(rng, "en-GB", leaf.English, variant, p.Brand)));
            if (rng.Chance(0.4))
                translations.Add(new DemoTranslation("de-DE", $"{leaf.German} {variant} {p.Brand} {model}",
                    DemoTexts.Describe(rng, "de-DE", leaf.German, variant, p.Brand)));
            if (translations.Count > 0) products[i] = p with { Translations = translations };
        }
    }
}
