using System.Runtime.CompilerServices;
using Monitoring.Shop.Model;
using Monitoring.Storage;

namespace Monitoring.Quality.Streaming;

/// <summary>
/// The catalogue's records (products, their media and tier prices) in slices of a few thousand products in SKU
/// order, each product with its related rows, so that a full scan holds one slice at a time instead of the whole
/// catalogue. A slice is the products after the previous slice's last SKU, and the media, tier prices and
/// translations whose SKU falls after it and up to the slice's last SKU: the database compares the SKUs, so children
/// of a SKU that is not a product (orphans) come in the slice whose range holds them, and those with no SKU in a last
/// slice. The next slice is read while the current one is evaluated.
/// </summary>
public static class CatalogueSlices
{
    /// <summary>Products per slice: large enough that the per-query cost is small, small enough that a slice of
    /// products with their children stays a few tens of megabytes.</summary>
    public const int DefaultSize = 5000;

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

        var media = QualityRecordLoader.Records(ShopModel.Media, await mediaRead);
        var tiers = QualityRecordLoader.Records(ShopModel.TierPrice, await tiersRead);
        var translations = QualityRecordLoader.Records(ShopModel.ProductTranslation, await translationsRead);
        var mediaBySku = BySku(media);
        var tiersBySku = BySku(tiers);
        var translationsBySku = BySku(translations);
        var products = QualityRecordLoader.Records(ShopModel.Product, rows).Select(p => p with
        {
            Revenue90d = productRevenue.GetValueOrDefault(p.Key),
            Media = mediaBySku[p.Key].ToList(), TierPrices = tiersBySku[p.Key].ToList(), Translations = translationsBySku[p.Key].ToList(),
        }).ToDictionary(p => p.Key, StringComparer.Ordinal);

        var records = new List<QualityRecord>();
        if (needs.Emitted.Contains("product")) records.AddRange(products.Values);
        if (needs.Emitted.Contains("media")) records.AddRange(media.Select(m => OwnedBy(m, products)));
        if (needs.Emitted.Contains("tier_price")) records.AddRange(tiers.Select(t => OwnedBy(t, products)));
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

    /// <summary>As the loader attaches them: the owner product when the SKU names one of the slice (a SKU in the
    /// slice's range that is not there is no product at all).</summary>
    private static QualityRecord OwnedBy(QualityRecord record, IReadOnlyDictionary<string, QualityRecord> products) =>
        record.Text("sku") is { } sku && products.TryGetValue(sku, out var owner) ? record with { Owner = owner, Revenue90d = owner.Revenue90d } : record;

    private static ILookup<string, QualityRecord> BySku(IEnumerable<QualityRecord> records) =>
        records.ToLookup(r => r.Text("sku") ?? "", StringComparer.Ordinal);
}
