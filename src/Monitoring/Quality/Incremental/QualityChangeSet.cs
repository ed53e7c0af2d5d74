using Monitoring.Shop.Model;
using Monitoring.Storage;

namespace Monitoring.Quality.Incremental;

/// <summary>
/// What changed in the shop tables since a moment (their system column <c>changed_at</c>), as the records an
/// incremental scan re-scores. A product changes when its row, a translation, a tier price, a stock level or a medium
/// of it changes; an account when its row, a contact or an address of it changes. A changed product brings its media
/// and tier prices along (their rules read the product: its category, its revenue), a changed account its contacts and
/// addresses. A changed order is re-scored on its own.
/// </summary>
public sealed record QualityChangeSet(
    IReadOnlySet<string> Products,
    IReadOnlySet<string> Accounts,
    IReadOnlySet<string> Media,
    IReadOnlySet<string> Contacts,
    IReadOnlySet<string> Addresses,
    IReadOnlySet<string> Orders)
{
    public bool IsEmpty => Products.Count + Accounts.Count + Media.Count + Contacts.Count + Addresses.Count + Orders.Count == 0;

    /// <summary>The changes since <paramref name="since"/>, one indexed query per table.</summary>
    public static async Task<QualityChangeSet> FindAsync(SqlShopRecords shop, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var products = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in new[] { ShopModel.Product, ShopModel.ProductTranslation, ShopModel.TierPrice, ShopModel.Stock, ShopModel.Media })
            products.UnionWith(await shop.ChangedAsync(entity, "sku", since, cancellationToken));

        var accounts = new HashSet<string>(await shop.ChangedAsync(ShopModel.Account, "id", since, cancellationToken), StringComparer.Ordinal);
        accounts.UnionWith(await shop.ChangedAsync(ShopModel.Contact, "account_id", since, cancellationToken));
        accounts.UnionWith(await shop.ChangedAsync(ShopModel.Address, "account_id", since, cancellationToken));

        return new QualityChangeSet(products, accounts,
            await shop.ChangedAsync(ShopModel.Media, "id", since, cancellationToken),
            await shop.ChangedAsync(ShopModel.Contact, "id", since, cancellationToken),
            await shop.ChangedAsync(ShopModel.Address, "id", since, cancellationToken),
            await shop.ChangedAsync(ShopModel.Order, "id", since, cancellationToken));
    }

    /// <summary>The rows of <paramref name="entity"/> to re-score: those matching any of its filters (a medium of a
    /// changed product, or a changed medium whose product is unknown), each once.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(SqlShopRecords shop, ShopEntity entity,
        CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, values) in Filters(entity))
            foreach (var row in await shop.ReadWhereAsync(entity, field, values, cancellationToken))
                if (seen.Add(string.Join("\u001f", entity.Keys.Select(k => QualityRecord.AsText(row[k.Name]) ?? ""))))
                    rows.Add(row);
        return rows;
    }

    private IReadOnlyList<(string Field, IReadOnlyCollection<string> Values)> Filters(ShopEntity entity) => entity.Name switch
    {
        "product" or "product_translation" or "tier_price" => [("sku", Products)],
        "media" => [("sku", Products), ("id", Media)],
        "account" => [("id", Accounts)],
        "contact" => [("account_id", Accounts), ("id", Contacts)],
        "address" => [("account_id", Accounts), ("id", Addresses)],
        "order" => [("id", Orders)],
        _ => [],
    };
}
