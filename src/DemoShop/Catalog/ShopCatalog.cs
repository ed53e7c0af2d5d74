namespace DemoShop.Catalog;

/// <summary>
/// The catalogue the shop sells, indexed once at start-up: products by SKU, the category tree by slug, and a search
/// over names, SKUs and brands. Immutable, so safe to share between requests.
/// </summary>
public sealed class ShopCatalog
{
    private readonly Dictionary<string, ShopProduct> _bySku;
    private readonly Dictionary<string, ShopCategory> _bySlug = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ShopCategory> _byPath = new();
    private readonly (ShopProduct Product, string Key)[] _searchKeys;

    public ShopCatalog(IReadOnlyList<ShopProduct> products)
    {
        Products = products;
        _bySku = new Dictionary<string, ShopProduct>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in products) _bySku.TryAdd(p.Sku, p);
        _searchKeys = products.Select(p => (p, Text.Fold($"{p.Sku} {p.Name} {p.Brand}"))).ToArray();

        var byPath = _byPath;
        var top = new List<ShopCategory>();
        foreach (var product in products)
        {
            ShopCategory? parent = null;
            var path = "";
            foreach (var level in product.CategoryLevels)
            {
                path = path.Length == 0 ? level : $"{path} > {level}";
                if (!byPath.TryGetValue(path, out var category))
                {
                    category = new ShopCategory(UniqueSlug(level, parent), level, path, parent);
                    byPath[path] = category;
                    _bySlug[category.Slug] = category;
                    (parent?.Children ?? top).Add(category);
                }
                category.Products.Add(product);
                parent = category;
            }
        }
        TopCategories = top;
    }

    public IReadOnlyList<ShopProduct> Products { get; }

    public IReadOnlyList<ShopCategory> TopCategories { get; }

    public ShopProduct? Find(string sku) => _bySku.GetValueOrDefault(sku);

    public ShopCategory? Category(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>The category of a product's deepest level, for breadcrumbs and links.</summary>
    public ShopCategory? CategoryOf(ShopProduct product) =>
        _byPath.GetValueOrDefault(string.Join(" > ", product.CategoryLevels));

    /// <summary>Products whose SKU, name or brand contain every word of the query (case and accents ignored).</summary>
    public IReadOnlyList<ShopProduct> Search(string? query)
    {
        var words = Text.Fold(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return [];
        return _searchKeys.Where(k => words.All(w => k.Key.Contains(w, StringComparison.Ordinal))).Select(k => k.Product).ToList();
    }

    private string UniqueSlug(string name, ShopCategory? parent)
    {
        var slug = Text.Slugify(name);
        if (slug.Length == 0) slug = "category";
        if (_bySlug.ContainsKey(slug) && parent is not null) slug = $"{parent.Slug}-{slug}";
        var candidate = slug;
        for (var n = 2; _bySlug.ContainsKey(candidate); n++) candidate = $"{slug}-{n}";
        return candidate;
    }
}
