using Monitoring.Shop.Model;
using Monitoring.Storage;

namespace Monitoring.Quality;

/// <summary>
/// Builds the <see cref="QualityRecord"/>s of a scan from the store: the rules' entities, each with the related rows
/// its rules read (a product's media, tier prices and translations; an account's addresses; the owner product or
/// account of the others) and its revenue. Also the reference sets: <c>product</c> (SKUs) and <c>account</c> (ids).
/// There is no category table, so a reference rule on the <c>category</c> set does not apply.
/// </summary>
public static class QualityRecordLoader
{
    public sealed record Loaded(IReadOnlyList<QualityRecord> Records, IReadOnlyDictionary<string, IReadOnlySet<string>> ReferenceSets);

    /// <summary>Loads every record the rules need, or with <paramref name="changes"/> only the changed ones (the
    /// reference sets and revenues are still whole).</summary>
    public static async Task<Loaded> LoadAsync(SqlShopRecords shop, IReadOnlyList<QualityRuleDefinition> rules, DateTimeOffset revenueSince,
        CancellationToken cancellationToken, Incremental.QualityChangeSet? changes = null)
    {
        var wanted = rules.Select(r => r.Entity).ToHashSet(StringComparer.Ordinal);
        var needsSets = rules.Any(r => r.Kind is "reference" or "unused_media");
        var needProducts = needsSets || wanted.Overlaps(["product", "media", "tier_price"]);
        var needAccounts = needsSets || wanted.Overlaps(["account", "contact", "address"]);

        async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Rows(ShopEntity entity, bool needed) =>
            !needed ? [] : changes is null ? await shop.ReadAsync(entity, cancellationToken) : await changes.ReadAsync(shop, entity, cancellationToken);

        var productRevenue = needProducts ? await shop.RevenueAsync(byAccount: false, revenueSince, cancellationToken) : new Dictionary<string, decimal>();
        var accountRevenue = needAccounts ? await shop.RevenueAsync(byAccount: true, revenueSince, cancellationToken) : new Dictionary<string, decimal>();

        var productOnly = wanted.Contains("product");
        var media = Records(ShopModel.Media, await Rows(ShopModel.Media, wanted.Contains("media") || productOnly));
        var tiers = Records(ShopModel.TierPrice, await Rows(ShopModel.TierPrice, wanted.Contains("tier_price") || productOnly));
        var translations = Records(ShopModel.ProductTranslation, await Rows(ShopModel.ProductTranslation, productOnly));
        var addresses = Records(ShopModel.Address, await Rows(ShopModel.Address, wanted.Contains("address") || wanted.Contains("account")));

        var mediaBySku = BySku(media);
        var tiersBySku = BySku(tiers);
        var translationsBySku = BySku(translations);
        var products = Records(ShopModel.Product, await Rows(ShopModel.Product, needProducts)).Select(p => p with
        {
            Revenue90d = productRevenue.GetValueOrDefault(p.Key),
            Media = mediaBySku[p.Key].ToList(), TierPrices = tiersBySku[p.Key].ToList(), Translations = translationsBySku[p.Key].ToList(),
        }).ToDictionary(p => p.Key, StringComparer.Ordinal);

        var addressesByAccount = addresses.ToLookup(a => a.Text("account_id") ?? "", StringComparer.Ordinal);
        var accounts = Records(ShopModel.Account, await Rows(ShopModel.Account, needAccounts)).Select(a => a with
        {
            Revenue90d = accountRevenue.GetValueOrDefault(a.Key), Addresses = addressesByAccount[a.Key].ToList(),
        }).ToDictionary(a => a.Key, StringComparer.Ordinal);

        var records = new List<QualityRecord>();
        if (productOnly) records.AddRange(products.Values);
        if (wanted.Contains("account")) records.AddRange(accounts.Values);
        if (wanted.Contains("media")) records.AddRange(media.Select(m => OwnedBy(m, products, "sku")));
        if (wanted.Contains("tier_price")) records.AddRange(tiers.Select(t => OwnedBy(t, products, "sku")));
        if (wanted.Contains("address")) records.AddRange(addresses.Select(a => OwnedBy(a, accounts, "account_id")));
        if (wanted.Contains("contact"))
            records.AddRange(Records(ShopModel.Contact, await Rows(ShopModel.Contact, true)).Select(c => OwnedBy(c, accounts, "account_id")));
        if (wanted.Contains("order"))
            records.AddRange(Records(ShopModel.Order, await Rows(ShopModel.Order, true)).Select(o => OwnedBy(o, accounts, "account_id")));

        var sets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (needProducts) sets["product"] = changes is null ? products.Keys.ToHashSet(StringComparer.Ordinal) : await shop.ValuesAsync(ShopModel.Product, "sku", cancellationToken);
        if (needAccounts) sets["account"] = changes is null ? accounts.Keys.ToHashSet(StringComparer.Ordinal) : await shop.ValuesAsync(ShopModel.Account, "id", cancellationToken);
        return new Loaded(records, sets);
    }

    /// <summary>The records of a table; a composite key is its parts joined by '/' (<c>SKU-1/pro/10</c>).</summary>
    public static IReadOnlyList<QualityRecord> Records(ShopEntity entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows) =>
        rows.Select(row => new QualityRecord(entity.Name, string.Join("/", entity.Keys.Select(k => QualityRecord.AsText(row[k.Name]) ?? "")), row))
            .ToList();

    /// <summary>The record with its owner, whose revenue it carries (a contact weighs what its account sells).</summary>
    private static QualityRecord OwnedBy(QualityRecord record, IReadOnlyDictionary<string, QualityRecord> owners, string field) =>
        record.Text(field) is { } key && owners.TryGetValue(key, out var owner) ? record with { Owner = owner, Revenue90d = owner.Revenue90d } : record;

    private static ILookup<string, QualityRecord> BySku(IEnumerable<QualityRecord> records) =>
        records.ToLookup(r => r.Text("sku") ?? "", StringComparer.Ordinal);
}
