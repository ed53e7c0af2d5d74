using System.Runtime.CompilerServices;
using Monitoring.Shop.Model;
using Monitoring.Storage;

namespace Monitoring.Quality.Streaming;

/// <summary>
/// The catalogue's records (products, their media and tier prices) in slices of a few hundred products in SKU
/// order, each product with its related rows, so that a full scan holds one slice at a time instead of the whole
/// catalogue. A slice is the products after the previous slice's last SKU, and the media, tier prices and
/// translations whose SKU falls after it and up to the slice's last SKU: the database compares the SKUs, so children
/// of a SKU that is not a product (orphans) come in the slice whose range holds them, and those with no SKU in a last
/// slice. The next slice is read while the current one is evaluated.
/// </summary>
public static class CatalogueSlices
{
    /// <summary>Products per slice: large enough that the per-query cost is small, small enough that a slice of
    /// products with their children (a few megabytes) is dropped soon after the garbage collector first sees it, rather
    /// than copied to an older generation and collected there. At 100,000 products, second scans (a loaded machine):
    /// 500 a slice 7.7 and 8.0 CPU s with 1.9 and 2.7 s of GC pauses; 1,000: 8.8 and 9.6 CPU s, 2.8 and 4.6 s;
    /// 5,000: 9.4 CPU s, 3.8 s. Reading further ahead (two slices) took the waits away but brought the pauses back.
    /// A slice of 500 (about 4 MB of rows) still outgrew the 5 MB the collector lets the youngest generation take, so
    /// most slices were copied once or twice before being freed; 200 (second scans, load 5–7): 5.8 CPU s and 1.3 s
    /// of pauses against 6.8 and 2.2, with 2 collections of the oldest generation instead of 27, for a few more
    /// queries (PostgreSQL 2.9 CPU s against 2.4).</summary>
    public const int DefaultSize = 200;

    /// <summary>Which tables a scan needs and which entities' records it evaluates.</summary>
    public sealed record Needs(bool Products, bool Media, bool TierPrices, bool Translations)
    {
        public IReadOnlySet<string> Emitted { get; init; } = new HashSet<string>();

        public bool Any => Emitted.Count > 0;

        /// <summary>What the rules on catalogue entities need, as <see cref="QualityRecordLoader"/> reads it.</summary>
        public static Needs Of(IReadOnlyList<QualityRuleDefinition> rules)
        {
            var wanted = rules.Select(r => r.Entity).ToHashSet(StringComparer.Ordinal);
            var product = wanted.Contains("product");
            return new Needs(wanted.Overlaps(["product", "media", "tier_price"]), wanted.Contains("media") || product,
                wanted.Contains("tier_price") || product, product)
            {
                Emitted = wanted.Intersect(["product", "media", "tier_price"]).ToHashSet(StringComparer.Ordinal),
            };
        }
    }

    /// <summary>The slices' records: each slice's products, then its media, then its tier prices (those
    /// <see cref="Needs.Emitted"/> asks for), with their owner products and revenue as the loader gives them.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<QualityRecord>> ReadAsync(SqlShopRecords shop, Needs needs,
        IReadOnlyDictionary<string, decimal> productRevenue, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!needs.Any) yield break;
        var reading = Task.Run(() => ReadSliceAsync(shop, needs, productRevenue, null, size, cancellationToken), cancellationToken);
        while (true)
        {
            var slice = await reading;
            // Start reading the next slice before handing this one over: the database and this process's decoding
            // of its rows overlap with the rules' evaluation.
            if (!slice.Last) reading = Task.Run(() => ReadSliceAsync(shop, needs, productRevenue, slice.LastSku, size, cancellationToken), cancellationToken);
            yield return slice.Records;
            if (slice.Last) break;
        }
        // Children without a SKU belong to no slice's range.
        var orphans = await ReadOrphansAsync(shop, needs, cancellationToken);
        if (orphans.Count > 0) yield return orphans;
    }

    private sealed record Slice(IReadOnlyList<QualityRecord> Records, string? LastSku, bool Last);

    private static async Task<Slice> ReadSliceAsync(SqlShopRecords shop, Needs needs, IReadOnlyDictionary<string, decimal> productRevenue,
        string? after, int size, CancellationToken cancellationToken)
    {
        var rows = needs.Products ? await shop.ReadSliceAsync(ShopModel.Product, "sku", after, size, cancellationToken) : [];
        var last = rows.Count < size;
        // The last slice takes every child after the previous one's SKU, however high.
        var upTo = last ? null : rows[^1]["sku"] as string;
        Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Children(ShopEntity entity, bool needed) => needed
            ? Task.Run(() => shop.ReadRangeAsync(entity, "sku", after, upTo, cancellationToken), cancellationToken)
            : Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, object?>>>([]);
        var mediaRead = Children(ShopModel.Media, needs.Media);
        var tiersRead = Children(ShopModel.TierPrice, needs.TierPrices);
        var translationsRead = Children(ShopModel.ProductTranslation, needs.Translations);
        await Task.WhenAll(mediaRead, tiersRead, translationsRead);

        // Each product is built once with its related rows' lists, and each child once with its owner, as the loader
        // attaches them (a slice has tens of thousands of children: no copy of each, no lookup tables).
        var products = new Dictionary<string, Family>(rows.Count, StringComparer.Ordinal);
        var productRecords = QualityRecordLoader.Records(ShopModel.Product, rows, (key, row) =>
        {
            var family = new Family();
            products[key] = family;
            return family.Product = new QualityRecord(ShopModel.Product.Name, key, row)
            {
                Revenue90d = productRevenue.GetValueOrDefault(key),
                Media = family.Media, TierPrices = family.TierPrices, Translations = family.Translations,
            };
        });
        var media = Attach(ShopModel.Media, await mediaRead, products, f => f.Media);
        var tiers = Attach(ShopModel.TierPrice, await tiersRead, products, f => f.TierPrices);
        Attach(ShopModel.ProductTranslation, await translationsRead, products, f => f.Translations, owned: false);

        var records = new List<QualityRecord>();
        if (needs.Emitted.Contains("product")) records.AddRange(productRecords);
        if (needs.Emitted.Contains("media")) records.AddRange(media);
        if (needs.Emitted.Contains("tier_price")) records.AddRange(tiers);
        return new Slice(records, upTo, last);
    }

    private static async Task<IReadOnlyList<QualityRecord>> ReadOrphansAsync(SqlShopRecords shop, Needs needs, CancellationToken cancellationToken)
    {
        var records = new List<QualityRecord>();
        if (needs.Emitted.Contains("media"))
            records.AddRange(QualityRecordLoader.Records(ShopModel.Media, await shop.ReadNullAsync(ShopModel.Media, "sku", cancellationToken)));
        if (needs.Emitted.Contains("tier_price"))
            records.AddRange(QualityRecordLoader.Records(ShopModel.TierPrice, await shop.ReadNullAsync(ShopModel.TierPrice, "sku", cancellationToken)));
        return records;
    }

    /// <summary>A product of the slice and the lists of its related rows, filled as they are read.</summary>
    private sealed class Family
    {
        public QualityRecord Product = null!;
        public readonly List<QualityRecord> Media = [];
        public readonly List<QualityRecord> TierPrices = [];
        public readonly List<QualityRecord> Translations = [];
    }

    /// <summary>The child records, each in its product's list (<paramref name="list"/>) and, when
    /// <paramref name="owned"/>, with its owner product and its revenue, as the loader attaches them: a SKU in the
    /// slice's range that is not there is no product at all.</summary>
    private static List<QualityRecord> Attach(ShopEntity entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows,
        Dictionary<string, Family> products, Func<Family, List<QualityRecord>> list, bool owned = true)
    {
        return QualityRecordLoader.Records(entity, rows, (key, row) =>
        {
            if (QualityRecord.AsText(row.GetValueOrDefault("sku")) is not { } sku || !products.TryGetValue(sku, out var family))
                return new QualityRecord(entity.Name, key, row);
            var record = owned
                ? new QualityRecord(entity.Name, key, row) { Owner = family.Product, Revenue90d = family.Product.Revenue90d }
                : new QualityRecord(entity.Name, key, row);
            list(family).Add(record);
            return record;
        });
    }
}
