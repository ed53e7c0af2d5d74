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
    /// reference sets and revenues are still whole). With <paramref name="columns"/>, only the tables it names are
    /// read, each with only the fields it lists (null: every field): the few columns the set-level rules of a streamed
    /// scan read. With <paramref name="referenceSets"/>, those sets are used instead of being read. Without
    /// <paramref name="attachToProducts"/>, products do not get their media, tier prices and translations (the
    /// set-level pass reads media for the media rules, and its product rules do not read them).</summary>
    public static async Task<Loaded> LoadAsync(SqlShopRecords shop, IReadOnlyList<QualityRuleDefinition> rules, DateTimeOffset revenueSince,
        CancellationToken cancellationToken, Incremental.QualityChangeSet? changes = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>?>? columns = null, IReadOnlyDictionary<string, IReadOnlySet<string>>? referenceSets = null,
        bool attachToProducts = true)
    {
        var wanted = rules.Select(r => r.Entity).ToHashSet(StringComparer.Ordinal);
        var needsSets = referenceSets is null && rules.Any(r => r.Kind is "reference" or "unused_media");
        var needProducts = needsSets || wanted.Overlaps(["product", "media", "tier_price"]);
        var needAccounts = needsSets || wanted.Overlaps(["account", "contact", "address"]);

        // The tables are read at the same time, each on its own connection and thread: the database sends one while
        // this process decodes another. An incremental scan reads only the changed records' rows.
        Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Rows(ShopEntity entity, bool needed) =>
            !needed || columns is not null && !columns.ContainsKey(entity.Name) ? Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, object?>>>([])
            : columns?[entity.Name] is { } fields ? Task.Run(() => shop.ReadFieldsAsync(entity, fields, cancellationToken), cancellationToken)
            : changes is null ? Task.Run(() => shop.ReadAsync(entity, cancellationToken), cancellationToken)
            : Task.Run(() => changes.ReadAsync(shop, entity, cancellationToken), cancellationToken);
        Task<IReadOnlyDictionary<string, decimal>> Revenue(bool byAccount, bool needed) =>
            needed ? Task.Run(() => shop.RevenueAsync(byAccount, revenueSince, cancellationToken), cancellationToken)
                : Task.FromResult<IReadOnlyDictionary<string, decimal>>(new Dictionary<string, decimal>());

        var productOnly = wanted.Contains("product");
        var productRevenueRead = Revenue(byAccount: false, needProducts);
        var accountRevenueRead = Revenue(byAccount: true, needAccounts);
        var mediaRead = Rows(ShopModel.Media, wanted.Contains("media") || productOnly);
        var tiersRead = Rows(ShopModel.TierPrice, wanted.Contains("tier_price") || productOnly);
        var translationsRead = Rows(ShopModel.ProductTranslation, productOnly);
        var addressesRead = Rows(ShopModel.Address, wanted.Contains("address") || wanted.Contains("account"));
        var productsRead = Rows(ShopModel.Product, needProducts);
        var accountsRead = Rows(ShopModel.Account, needAccounts);
        var contactsRead = Rows(ShopModel.Contact, wanted.Contains("contact"));
        var ordersRead = Rows(ShopModel.Order, wanted.Contains("order"));
        await Task.WhenAll(productRevenueRead, accountRevenueRead, mediaRead, tiersRead, translationsRead, addressesRead, productsRead,
            accountsRead, contactsRead, ordersRead);

        var productRevenue = await productRevenueRead;
        var accountRevenue = await accountRevenueRead;
        // Without related rows on the products, media and tier prices are built with their owner product at once
        // (below) rather than built here and copied with it: the set-level pass holds millions of them.
        var mediaRows = await mediaRead;
        var tierRows = await tiersRead;
        var media = attachToProducts ? Records(ShopModel.Media, mediaRows) : [];
        var tiers = attachToProducts ? Records(ShopModel.TierPrice, tierRows) : [];
        var translations = Records(ShopModel.ProductTranslation, await translationsRead);
        var addresses = Records(ShopModel.Address, await addressesRead);

        var mediaBySku = BySku(attachToProducts ? media : []);
        var tiersBySku = BySku(attachToProducts ? tiers : []);
        var translationsBySku = BySku(attachToProducts ? translations : []);
        var products = Records(ShopModel.Product, await productsRead, (key, row) => new QualityRecord(ShopModel.Product.Name, key, row)
        {
            Revenue90d = productRevenue.GetValueOrDefault(key),
            Media = Of(mediaBySku, key), TierPrices = Of(tiersBySku, key), Translations = Of(translationsBySku, key),
        }).ToDictionary(p => p.Key, StringComparer.Ordinal);

        var addressesByAccount = addresses.ToLookup(a => a.Text("account_id") ?? "", StringComparer.Ordinal);
        var accounts = Records(ShopModel.Account, await accountsRead).Select(a => a with
        {
            Revenue90d = accountRevenue.GetValueOrDefault(a.Key), Addresses = addressesByAccount[a.Key].ToList(),
        }).ToDictionary(a => a.Key, StringComparer.Ordinal);

        var records = new List<QualityRecord>();
        if (productOnly) records.AddRange(products.Values);
        if (wanted.Contains("account")) records.AddRange(accounts.Values);
        if (wanted.Contains("media"))
            records.AddRange(attachToProducts ? media.Select(m => OwnedBy(m, products, "sku")) : OwnedRecords(ShopModel.Media, mediaRows, products));
        if (wanted.Contains("tier_price"))
            records.AddRange(attachToProducts ? tiers.Select(t => OwnedBy(t, products, "sku")) : OwnedRecords(ShopModel.TierPrice, tierRows, products));
        if (wanted.Contains("address")) records.AddRange(addresses.Select(a => OwnedBy(a, accounts, "account_id")));
        if (wanted.Contains("contact"))
            records.AddRange(Records(ShopModel.Contact, await contactsRead).Select(c => OwnedBy(c, accounts, "account_id")));
        if (wanted.Contains("order"))
            records.AddRange(Records(ShopModel.Order, await ordersRead).Select(o => OwnedBy(o, accounts, "account_id")));

        if (referenceSets is not null) return new Loaded(records, referenceSets);
        var sets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (needProducts) sets["product"] = changes is null ? products.Keys.ToHashSet(StringComparer.Ordinal) : await shop.ValuesAsync(ShopModel.Product, "sku", cancellationToken);
        if (needAccounts) sets["account"] = changes is null ? accounts.Keys.ToHashSet(StringComparer.Ordinal) : await shop.ValuesAsync(ShopModel.Account, "id", cancellationToken);
        return new Loaded(records, sets);
    }

    /// <summary>The records of a table; a composite key is its parts joined by '/' (<c>SKU-1/pro/10</c>).</summary>
    public static IReadOnlyList<QualityRecord> Records(ShopEntity entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows) =>
        Records(entity, rows, (key, row) => new QualityRecord(entity.Name, key, row));

    /// <summary>The records of a table, each made by <paramref name="make"/> from its key and row: a streamed scan
    /// builds a record with its related rows or owner at once rather than copying it.</summary>
    public static List<QualityRecord> Records(ShopEntity entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows,
        Func<string, IReadOnlyDictionary<string, object?>, QualityRecord> make)
    {
        var keys = entity.Keys.Select(k => k.Name).ToArray();
        var records = new List<QualityRecord>(rows.Count);
        var parts = new string[keys.Length];
        foreach (var row in rows)
        {
            if (keys.Length == 1)
            {
                records.Add(make(QualityRecord.AsText(row[keys[0]]) ?? "", row));
                continue;
            }
            for (var i = 0; i < keys.Length; i++) parts[i] = QualityRecord.AsText(row[keys[i]]) ?? "";
            records.Add(make(string.Join("/", parts), row));
        }
        return records;
    }

    /// <summary>The record with its owner, whose revenue it carries (a contact weighs what its account sells).</summary>
    private static QualityRecord OwnedBy(QualityRecord record, IReadOnlyDictionary<string, QualityRecord> owners, string field) =>
        record.Text(field) is { } key && owners.TryGetValue(key, out var owner) ? record with { Owner = owner, Revenue90d = owner.Revenue90d } : record;

    /// <summary>The records of a table of product children, each built with its owner product as
    /// <see cref="OwnedBy"/> gives it.</summary>
    private static List<QualityRecord> OwnedRecords(ShopEntity entity, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows,
        IReadOnlyDictionary<string, QualityRecord> products) =>
        Records(entity, rows, (key, row) => QualityRecord.AsText(row.GetValueOrDefault("sku")) is { } sku && products.TryGetValue(sku, out var owner)
            ? new QualityRecord(entity.Name, key, row) { Owner = owner, Revenue90d = owner.Revenue90d }
            : new QualityRecord(entity.Name, key, row));

    /// <summary>The records under <paramref name="key"/>; none shares one empty list (the set-level pass reads a
    /// million products and none of their related rows).</summary>
    private static IReadOnlyList<QualityRecord> Of(ILookup<string, QualityRecord> lookup, string key) =>
        lookup.Contains(key) ? lookup[key].ToList() : [];

    private static ILookup<string, QualityRecord> BySku(IEnumerable<QualityRecord> records) =>
        records.ToLookup(r => r.Text("sku") ?? "", StringComparer.Ordinal);
}
