using DemoShop.Accounts;
using DemoShop.Catalog;
using DemoShop.Faults;
using static DemoShop.Pages.Html;

namespace DemoShop.Pages;

/// <summary>The browsing pages: home, search, categories and product pages.</summary>
public static class StorefrontPages
{
    private const int PageSize = 24;

    public static void MapStorefront(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, ShopCatalog catalog) =>
        {
            var categories = string.Concat(catalog.TopCategories.Select(c =>
                $"""<li><a href="/c/{U(c.Slug)}" data-category="{E(c.Slug)}">{E(c.Name)}</a> <small>({c.Products.Count})</small></li>"""));
            var featured = catalog.Products.Where(p => p.Stock > 0).Take(8).ToList();
            return Page(context, "Tools and supplies for the trades", $"""
                <h1>Tools and supplies for the trades, delivered in 48 h</h1>
                <p>Prices excluding VAT. Sign in to see your company's net prices.</p>
                <h2>Categories</h2><ul id="categories">{categories}</ul>
                <h2>Featured products</h2>{Cards(context, featured)}
                """);
        }).Step(ShopSteps.Home);

        app.MapGet("/search", (HttpContext context, ShopCatalog catalog, string? q, int? page) =>
        {
            var results = catalog.Search(q);
            return Page(context, $"Search: {q}", $"""
                <h1>Search</h1>
                <form method="get" action="/search" id="search-page"><input type="search" name="q" value="{E(q)}"><button type="submit">Search</button></form>
                <p id="result-count" data-count="{results.Count}">{results.Count} product(s) for “{E(q)}”</p>
                {Paged(context, results, page, p => $"/search?q={U(q ?? "")}&page={p}")}
                """);
        }).Step(ShopSteps.Search);

        app.MapGet("/c/{slug}", (HttpContext context, ShopCatalog catalog, string slug, int? page) =>
        {
            if (catalog.Category(slug) is not { } category) return NotFound(context, "Category");
            var children = string.Concat(category.Children.Select(c =>
                $"""<li><a href="/c/{U(c.Slug)}" data-category="{E(c.Slug)}">{E(c.Name)}</a> <small>({c.Products.Count})</small></li>"""));
            return Page(context, category.Name, $"""
                {Breadcrumbs(category.Parent)}
                <h1 id="category" data-category="{E(category.Slug)}">{E(category.Name)}</h1>
                {(children.Length == 0 ? "" : $"""<ul id="subcategories">{children}</ul>""")}
                <p id="result-count" data-count="{category.Products.Count}">{category.Products.Count} product(s)</p>
                {Paged(context, category.Products, page, p => $"/c/{U(category.Slug)}?page={p}")}
                """);
        }).Step(ShopSteps.Category);

        app.MapGet("/products/{sku}", (HttpContext context, ShopCatalog catalog, Pricing pricing, SessionStore sessions, string sku) =>
        {
            if (catalog.Find(sku) is not { } product) return NotFound(context, "Product");
            var account = sessions.AccountOf(context);
            var price = pricing.Shown(product, account);
            var kind = Pricing.Kind(account);
            var listLine = account is null ? "" : $"""<p class="list-price">List price <s data-list-price="{Number(product.ListPrice)}">{Money(product.ListPrice)}</s> · your price list: {E(account.PriceList)}</p>""";
            var form = Form(context, "/cart/add", "add-to-cart", $"""
                <input type="hidden" name="sku" value="{E(product.Sku)}">
                <label>Quantity <input type="number" name="qty" id="qty" value="{product.MinOrderQty}" min="{product.MinOrderQty}" step="1"></label>
                <button type="submit" id="add-to-cart-button">Add to cart</button>
                """);
            return Page(context, product.Name, $"""
                {Breadcrumbs(catalog.CategoryOf(product))}
                <article id="product" data-sku="{E(product.Sku)}" data-gtin="{E(product.Gtin)}">
                <h1 data-sku="{E(product.Sku)}">{E(product.Name)}</h1>
                {(product.ImageUrl is null ? "" : $"""<img src="{E(product.ImageUrl)}" alt="{E(product.Name)}" width="320" height="320">""")}
                <p class="brand">Brand: <span id="brand">{E(product.Brand)}</span> · Ref. <span id="sku">{E(product.Sku)}</span> · GTIN <span id="gtin">{E(product.Gtin)}</span></p>
                <p class="price"><span id="price" data-price="{Number(price)}" data-price-kind="{kind}" data-currency="EUR">{Money(price)}</span> <small>excl. VAT, per unit{(account is null ? "" : ", your net price")}</small></p>
                {listLine}
                <p>Minimum order: <span id="min-order-qty" data-min-order-qty="{product.MinOrderQty}">{product.MinOrderQty}</span> · Stock: <span id="stock" data-stock="{product.Stock}">{(product.Stock > 0 ? $"{product.Stock} in stock" : "out of stock, delivered in 2 to 3 weeks")}</span></p>
                <p class="description">{E(product.Description)}</p>
                {form}
                </article>
                """);
        }).Step(ShopSteps.Product);
    }

    private static string Breadcrumbs(ShopCategory? category)
    {
        var trail = new List<ShopCategory>();
        for (var c = category; c is not null; c = c.Parent) trail.Insert(0, c);
        return $"""<nav class="breadcrumbs" id="breadcrumbs"><a href="/">Home</a>{string.Concat(trail.Select(c => $""" › <a href="/c/{U(c.Slug)}">{E(c.Name)}</a>"""))}</nav>""";
    }

    private static string Paged(HttpContext context, IReadOnlyList<ShopProduct> products, int? page, Func<int, string> link)
    {
        var pages = Math.Max(1, (products.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var nav = pages == 1 ? "" : $"""
            <nav class="pagination" id="pagination" data-page="{current}" data-pages="{pages}">
            {(current > 1 ? $"""<a rel="prev" href="{E(link(current - 1))}">Previous</a>""" : "")}
            Page {current} of {pages}
            {(current < pages ? $"""<a rel="next" href="{E(link(current + 1))}">Next</a>""" : "")}</nav>
            """;
        return Cards(context, products.Skip((current - 1) * PageSize).Take(PageSize).ToList()) + nav;
    }

    private static string Cards(HttpContext context, IReadOnlyList<ShopProduct> products)
    {
        var pricing = context.RequestServices.GetRequiredService<Pricing>();
        var account = context.RequestServices.GetRequiredService<SessionStore>().AccountOf(context);
        return $"""<ul class="products" id="products">{string.Concat(products.Select(p => $"""
            <li class="product" data-sku="{E(p.Sku)}"><a href="/products/{U(p.Sku)}">{E(p.Name)}</a><br>
            <small>{E(p.Brand)} · {E(p.Sku)}</small><br><span class="price" data-price="{Number(pricing.Shown(p, account))}">{Money(pricing.Shown(p, account))}</span> <small>excl. VAT</small></li>
            """))}</ul>""";
    }
}
