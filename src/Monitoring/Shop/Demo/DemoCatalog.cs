namespace Monitoring.Shop.Demo;

/// <summary>
/// The demo shop's catalogue: products with their tiers, stock, media and translations. Built from the seed and scale
/// alone (timestamps from the end of history), so the demo storefront sells exactly the products the history holds.
/// </summary>
public sealed class DemoCatalog
{
    public const string MediaHost = "https://media.demo-shop.example";

    /// <summary>Warehouses: every product is stocked in the first, some in the others.</summary>
    public static IReadOnlyList<string> Warehouses { get; } = ["lyon", "lille", "zaragoza"];

    private readonly Dictionary<string, DemoProduct> _bySku;

    private DemoCatalog(IReadOnlyList<DemoProduct> products, IReadOnlyDictionary<string, long> defects)
    {
        Products = products;
        Defects = defects;
        _bySku = products.ToDictionary(p => p.Sku);
        var cumulative = new double[products.Count];
        double total = 0;
        for (var i = 0; i < products.Count; i++) cumulative[i] = total += products[i].Status == "draft" ? 0 : products[i].Popularity;
        CumulativePopularity = cumulative;
    }

    public IReadOnlyList<DemoProduct> Products { get; }

    /// <summary>The catalogue defects injected, by <see cref="DemoDefects"/> key.</summary>
    public IReadOnlyDictionary<string, long> Defects { get; }

    /// <summary>Running totals of popularity over <see cref="Products"/>, for drawing order lines.</summary>
    internal double[] CumulativePopularity { get; }

    public DemoProduct? Find(string sku) => _bySku.GetValueOrDefault(sku);

    /// <summary>The SKU of the product at an index: <c>SKU000001</c> onwards; <c>SKU9…</c> never exists.</summary>
    internal static string SkuOf(int index) => $"SKU{index + 1:D6}";

    /// <summary>Builds the catalogue of these options (seed, scale and end of history).</summary>
    public static DemoCatalog Build(DemoDataOptions options)
    {
        options.Validate();
        var n = options.Scaled(3000, 20);
        var rng = DemoRandom.For(options.Seed, DemoRandom.Catalog);
        var defects = DemoRandom.For(options.Seed, DemoRandom.Defects);
        var calendar = new DemoCalendar(options.Start, options.End);

        var invalidGtin = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.InvalidGtinRate, n));
        var duplicateGtin = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.DuplicateGtinRate, n), invalidGtin);
        var missingDescription = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.MissingDescriptionRate, n));
        var shortDescription = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.ShortDescriptionRate, n), missingDescription);
        var belowCost = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.PriceBelowCostRate, n));
        var missingWeight = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.MissingWeightRate, n));
        var missingImages = DemoRandom.Pick(defects, n, DemoDefects.CountFor(DemoDefects.MissingImagesRate, n));

        var products = new DemoProduct[n];
        var leaves = new DemoCategory[n];
        var popularityRank = Enumerable.Range(1, n).ToArray();
        rng.Shuffle(popularityRank);
        for (var i = 0; i < n; i++)
        {
            var leaf = leaves[i] = rng.Pick(DemoCategories.All);
            var brandIndex = rng.Next(DemoCategories.Brands.Count);
            var brand = DemoCategories.Brands[brandIndex];
            var variant = rng.Pick(leaf.Variants);
            var model = $"{char.ToUpperInvariant(brand[0])}{char.ToUpperInvariant(brand[^1])}-{rng.Next(100, 9999)}";
            var listPrice = RoundPrice(rng.LogBetween(leaf.MinPrice, leaf.MaxPrice));
            var unitCost = belowCost[i]
                ? DemoRandom.Money(listPrice * (decimal)rng.Between(1.05, 1.25))
                : DemoRandom.Money(listPrice * (decimal)(1 - rng.Between(0.20, 0.60)));
            var weight = Math.Round(rng.LogBetween(leaf.MinKg, leaf.MaxKg), 3);
            var side = Math.Cbrt(weight / 0.35 * 1000); // cm, at a bulk density of 0.35 kg/dm³
            var (moq, multiple) = leaf.Consumable && rng.Chance(0.35)
                ? rng.Pick<(long, long)>([(5, 5), (10, 5), (10, 10), (12, 12), (20, 10), (25, 25)])
                : (1L, 1L);
            var supplier = rng.Chance(0.8)
                ? DemoCategories.Suppliers[brandIndex % DemoCategories.Suppliers.Count]
                : rng.Pick(DemoCategories.Suppliers);

            var roll = rng.NextDouble();
            var status = roll < 0.90 ? "active" : roll < 0.97 ? "discontinued" : "draft";
            var (created, updated, from, until) = Lifecycle(rng, calendar, status);
            var description = missingDescription[i] ? null
                : shortDescription[i] ? DemoTexts.Short(leaf.Leaf, variant)
                : DemoTexts.Describe(rng, DemoTexts.Main, leaf.Leaf, variant, brand);
            var gtin = Gtin.Complete($"376{brandIndex:D4}{i % 100_000:D5}");
            if (invalidGtin[i]) gtin = gtin[..12] + (char)('0' + (gtin[12] - '0' + 1 + rng.Next(9)) % 10);

            products[i] = new DemoProduct(SkuOf(i), $"{leaf.Leaf} {variant} {brand} {model}", description, brand, leaf.Path,
                gtin, status, listPrice, unitCost, missingWeight[i] ? null : (decimal)weight,
                Dimension(side * rng.Between(1.1, 1.6)), Dimension(side * rng.Between(0.7, 1.0)), Dimension(side * rng.Between(0.5, 0.9)),
                moq, multiple, supplier, created, updated, [], [], [], [])
            {
                SellableFrom = from,
                SellableUntil = until,
                Consumable = leaf.Consumable,
                Variant = variant,
                Model = model,
                Popularity = Math.Pow(popularityRank[i], -0.9) * (leaf.Consumable ? 2.5 : 1.0),
            };
        }

        // A duplicate takes the GTIN of a product that is neither broken nor itself a duplicate.
        var sources = Enumerable.Range(0, n).Where(i => !invalidGtin[i] && !duplicateGtin[i]).ToArray();
        for (var i = 0; i < n; i++)
            if (duplicateGtin[i]) products[i] = products[i] with { Gtin = products[rng.Pick(sources)].Gtin };

        var counts = new Dictionary<string, long>
        {
            [DemoDefects.InvalidGtin] = invalidGtin.Count(b => b),
            [DemoDefects.DuplicateGtin] = duplicateGtin.Count(b => b),
            [DemoDefects.MissingDescription] = missingDescription.Count(b => b),
            [DemoDefects.ShortDescription] = shortDescription.Count(b => b),
            [DemoDefects.PriceBelowCost] = belowCost.Count(b => b),
            [DemoDefects.MissingWeight] = missingWeight.Count(b => b),
            [DemoDefects.MissingImages] = missingImages.Count(b => b),
        };
        DemoCatalogDetails.Attach(options, calendar, products, leaves, missingImages, counts);
        return new DemoCatalog(products, counts);
    }

    /// <summary>Creation, last update and the days a product can be sold, by status.</summary>
    private static (DateTimeOffset Created, DateTimeOffset Updated, DateOnly From, DateOnly Until) Lifecycle(
        Random rng, DemoCalendar calendar, string status)
    {
        var end = calendar.End;
        var hour = DemoCalendar.OfficeHour(rng);
        if (status == "draft")
        {
            var day = end.AddDays(-rng.Next(0, 60));
            return (DemoCalendar.Utc(day, hour), DemoCalendar.Utc(day, hour + 0.5), DateOnly.MaxValue, DateOnly.MaxValue);
        }
        var createdDay = rng.Chance(0.8)
            ? calendar.Start.AddDays(-rng.Next(1, 6 * 365))
            : calendar.Start.AddDays(rng.Next(0, calendar.Days - 30));
        var created = DemoCalendar.Utc(createdDay, hour);
        if (status == "discontinued")
        {
            var from = Math.Max(createdDay.DayNumber + 60, calendar.Start.DayNumber + calendar.Days / 4);
            var until = DateOnly.FromDayNumber(Math.Min(end.DayNumber, from + rng.Next(0, Math.Max(1, end.DayNumber - from))));
            return (created, DemoCalendar.Utc(until, DemoCalendar.OfficeHour(rng)), createdDay, until);
        }
        var updatedDay = DateOnly.FromDayNumber(Math.Max(createdDay.DayNumber, end.DayNumber - rng.Next(0, 300)));
        return (created, DemoCalendar.Utc(updatedDay, DemoCalendar.OfficeHour(rng)), createdDay, DateOnly.MaxValue);
    }

    /// <summary>Prices end in .90 above 20 €, in .x9 below.</summary>
    private static decimal RoundPrice(double price) => price >= 20
        ? (decimal)Math.Round(price) - 0.10m
        : Math.Max(0.49m, (decimal)Math.Round(price, 1) - 0.01m);

    private static decimal Dimension(double cm) => Math.Max(0.5m, Math.Round((decimal)cm * 2) / 2);
}
