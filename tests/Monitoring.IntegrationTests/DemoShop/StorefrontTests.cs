using System.Net;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>Browsing the demo shop: home, search, categories, product pages and per-account net prices.</summary>
public sealed class StorefrontTests : IAsyncLifetime
{
    private DemoShopHost _shop = null!;
    private ShopBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _shop = await DemoShopHost.StartAsync();
        _browser = new ShopBrowser(_shop.Url);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _shop.DisposeAsync();
    }

    [Fact]
    public async Task Home_lists_featured_categories_and_products()
    {
        var home = await _browser.GetPageAsync("/");

        Assert.True(home.QuerySelectorAll("#categories a[data-category]").Length >= 6);
        Assert.NotEmpty(home.QuerySelectorAll("#products li.product[data-sku] [data-price]"));
        Assert.Equal("false", home.Body!.GetAttribute("data-signed-in"));
    }

    [Fact]
    public async Task Search_matches_names_skus_and_brands_ignoring_accents()
    {
        var byName = await _browser.GetPageAsync("/search?q=perceuse");
        var bySku = await _browser.GetPageAsync("/search?q=glv-nit");
        var byBrand = await _browser.GetPageAsync("/search?q=makita");
        var accentless = await _browser.GetPageAsync("/search?q=disques%20a%20tronconner");

        Assert.Equal("2", byName.QuerySelector("#result-count")!.GetAttribute("data-count"));
        Assert.Equal("GLV-NIT-100", bySku.QuerySelector("li.product")!.GetAttribute("data-sku"));
        Assert.Equal(2, byBrand.QuerySelectorAll("li.product").Length);
        Assert.Single(accentless.QuerySelectorAll("li.product"));
    }

    [Fact]
    public async Task Search_results_are_paged()
    {
        var products = Enumerable.Range(1, 30).Select(i => new global::DemoShop.Catalog.ShopProduct(
            $"SKU{i:D6}", $"Vis test {i}", null, "Spax", "Fixations > Vis > Vis à bois", 1m + i, 10, "3760112000014", null)).ToList();
        await using var shop = await DemoShopHost.StartAsync(new global::DemoShop.DemoShopOptions { Products = products });
        using var browser = new ShopBrowser(shop.Url);

        var first = await browser.GetPageAsync("/search?q=vis");
        var second = await browser.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(24, first.QuerySelectorAll("li.product").Length);
        Assert.Equal(6, second.QuerySelectorAll("li.product").Length);
        Assert.Equal("2", second.QuerySelector("#pagination")!.GetAttribute("data-pages"));
    }

    [Fact]
    public async Task Category_pages_show_sub_categories_and_the_products_below()
    {
        var top = await _browser.GetPageAsync("/c/fixations");
        var leaf = await _browser.GetPageAsync("/c/vis-a-bois");

        Assert.Equal(["vis", "chevilles"], top.QuerySelectorAll("#subcategories a").Select(a => a.GetAttribute("data-category")));
        Assert.Equal(5, top.QuerySelectorAll("li.product").Length);
        Assert.Equal(["SCR-WD-4X40", "SCR-WD-5X60"], leaf.QuerySelectorAll("li.product").Select(p => p.GetAttribute("data-sku")));
        Assert.Contains("Fixations", leaf.QuerySelector("#breadcrumbs")!.TextContent);
        await _browser.GetPageAsync("/c/nope", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Product_page_shows_the_list_price_excluding_vat_when_signed_out()
    {
        var page = await _browser.GetPageAsync("/products/GLV-NIT-100");

        var price = page.QuerySelector("#price[data-price]")!;
        Assert.Equal("7.90", price.GetAttribute("data-price"));
        Assert.Equal("list", price.GetAttribute("data-price-kind"));
        Assert.Contains("excl. VAT", page.QuerySelector(".price")!.TextContent);
        Assert.Equal("10", page.QuerySelector("#min-order-qty")!.GetAttribute("data-min-order-qty"));
        Assert.Matches("^[0-9]{13}$", page.QuerySelector("#gtin")!.TextContent);
        await _browser.GetPageAsync("/products/NOPE", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("buyer@acme-tools.example", "211.65")]     // reseller, 15 % off 249.00
    [InlineData("achats@batiplus.example", "181.77")]      // key account, 27 % off
    [InlineData("contact@dupont-elec.example", "236.55")]  // installer, 5 % off
    public async Task Product_page_shows_each_accounts_net_price_when_signed_in(string email, string expected)
    {
        await _browser.SignInAsync(email);

        var page = await _browser.GetPageAsync("/products/DRL-18V-BL");

        Assert.Equal(expected, page.QuerySelector("#price")!.GetAttribute("data-price"));
        Assert.Equal("net", page.QuerySelector("#price")!.GetAttribute("data-price-kind"));
        Assert.Equal("249.00", page.QuerySelector("[data-list-price]")!.GetAttribute("data-list-price"));
        Assert.Equal(email, page.QuerySelector("#account")!.GetAttribute("data-account"));
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_refused()
    {
        var page = await _browser.GetPageAsync("/login");

        using var response = await _browser.SubmitAsync(page, "login",
            new Dictionary<string, string> { ["email"] = "buyer@acme-tools.example", ["password"] = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("login-error", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_without_the_anti_forgery_token_is_refused()
    {
        using var response = await _browser.PostFormAsync("/login",
            new Dictionary<string, string> { ["email"] = "buyer@acme-tools.example", ["password"] = ShopBrowser.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await _browser.SignInAsync("buyer@acme-tools.example");
        var home = await _browser.GetPageAsync("/");

        using var response = await _browser.SubmitAsync(home, "logout");
        var after = await _browser.GetPageAsync("/products/DRL-18V-BL");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("list", after.QuerySelector("#price")!.GetAttribute("data-price-kind"));
    }

    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        Assert.Equal("ok", await _browser.Http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task A_given_catalogue_replaces_the_built_in_one()
    {
        var products = new[] { new global::DemoShop.Catalog.ShopProduct("SKU000001", "Clé mixte 10 mm", "Chrome-vanadium", "Facom",
            "Outillage à main > Serrage > Clé mixte", 8.5m, 4, "3760112000014", "https://media.demo-shop.example/p/SKU000001/1.jpg", 5) };
        await using var shop = await DemoShopHost.StartAsync(new global::DemoShop.DemoShopOptions { Products = products });
        using var browser = new ShopBrowser(shop.Url);

        var page = await browser.GetPageAsync("/products/SKU000001");

        Assert.Equal("8.50", page.QuerySelector("#price")!.GetAttribute("data-price"));
        await browser.GetPageAsync("/products/GLV-NIT-100", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/c/cle-mixte");
    }
}
