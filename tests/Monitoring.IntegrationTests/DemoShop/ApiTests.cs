using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>The buying path as JSON under /api, and the one GraphQL query.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private DemoShopHost _shop = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _shop = await DemoShopHost.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_shop.Url) }; // no cookies: the bearer token alone
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _shop.DisposeAsync();
    }

    private async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task SignInAsync(string email)
    {
        var login = await JsonAsync(await _client.PostAsJsonAsync("/api/login", new { email, password = ShopBrowser.Password }));
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
    }

    [Fact]
    public async Task A_client_signs_in_fills_a_cart_checks_out_and_lists_its_orders()
    {
        await SignInAsync("buyer@acme-tools.example");

        var cart = await JsonAsync(await _client.PostAsJsonAsync("/api/cart/items", new { sku = "GLV-NIT-100", qty = 10 }));
        Assert.Equal(67.20m, cart.GetProperty("total").GetDecimal());
        Assert.Equal(10, (await JsonAsync(await _client.GetAsync("/api/cart"))).GetProperty("lines")[0].GetProperty("qty").GetInt32());

        var order = await JsonAsync(await _client.PostAsJsonAsync("/api/checkout", new { payment_method = "card" }), HttpStatusCode.Created);
        var id = order.GetProperty("order_id").GetString();
        Assert.Matches("^DS-[0-9]{6}$", id);
        Assert.False(order.GetProperty("synthetic").GetBoolean());

        var orders = await JsonAsync(await _client.GetAsync("/api/orders"));
        Assert.Equal(id, orders.GetProperty("orders")[0].GetProperty("order_id").GetString());
        Assert.Empty((await JsonAsync(await _client.GetAsync("/api/cart"))).GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task Products_search_and_detail_show_the_net_price_when_authenticated()
    {
        var search = await JsonAsync(await _client.GetAsync("/api/products?q=gants"));
        var signedOut = await JsonAsync(await _client.GetAsync("/api/products/DRL-18V-BL"));
        await SignInAsync("achats@batiplus.example");
        var signedIn = await JsonAsync(await _client.GetAsync("/api/products/DRL-18V-BL"));

        Assert.Equal(2, search.GetProperty("total").GetInt32());
        Assert.Equal(249.00m, signedOut.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, signedOut.GetProperty("net_price").ValueKind);
        Assert.Equal(181.77m, signedIn.GetProperty("net_price").GetDecimal());
        Assert.Equal("net", signedIn.GetProperty("price_kind").GetString());
    }

    [Fact]
    public async Task Wrong_credentials_and_missing_tokens_get_401()
    {
        var login = await _client.PostAsJsonAsync("/api/login", new { email = "buyer@acme-tools.example", password = "nope" });
        var cart = await _client.GetAsync("/api/cart");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cart.StatusCode);
    }

    [Fact]
    public async Task Checkout_refuses_an_empty_cart_and_unknown_payment_methods()
    {
        await SignInAsync("buyer@acme-tools.example");

        var empty = await _client.PostAsJsonAsync("/api/checkout", new { payment_method = "card" });
        await _client.PostAsJsonAsync("/api/cart/items", new { sku = "SPN-13", qty = 1 });
        var unknown = await _client.PostAsJsonAsync("/api/checkout", new { payment_method = "bitcoin" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Synthetic_header_and_test_account_mark_api_orders_synthetic()
    {
        await SignInAsync("probe@demo-shop.example");
        await _client.PostAsJsonAsync("/api/cart/items", new { sku = "SPN-13", qty = 1 });

        var order = await JsonAsync(await _client.PostAsJsonAsync("/api/checkout", new { payment_method = "card" }), HttpStatusCode.Created);

        Assert.True(order.GetProperty("synthetic").GetBoolean());
    }

    [Fact]
    public async Task GraphQl_answers_the_product_query_with_the_fields_asked()
    {
        var response = await _client.PostAsJsonAsync("/api/graphql",
            new { query = """{ product(sku: "GLV-NIT-100") { sku name price } }""" });
        var product = (await JsonAsync(response)).GetProperty("data").GetProperty("product");

        Assert.Equal("GLV-NIT-100", product.GetProperty("sku").GetString());
        Assert.Equal(7.90m, product.GetProperty("price").GetDecimal());
        Assert.Equal(["sku", "name", "price"], product.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task GraphQl_takes_the_sku_from_variables_and_reports_unsupported_queries()
    {
        var withVariables = await JsonAsync(await _client.PostAsJsonAsync("/api/graphql", new
        {
            query = "query Product($sku: String!) { product(sku: $sku) { sku stock } }",
            variables = new { sku = "SPN-13" },
        }));
        var unsupported = await JsonAsync(await _client.PostAsJsonAsync("/api/graphql", new { query = "{ orders { id } }" }));
        var unknown = await JsonAsync(await _client.PostAsJsonAsync("/api/graphql", new { query = """{ product(sku: "NOPE") { sku } }""" }));

        Assert.Equal(210, withVariables.GetProperty("data").GetProperty("product").GetProperty("stock").GetInt32());
        Assert.True(unsupported.TryGetProperty("errors", out _));
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("data").GetProperty("product").ValueKind);
    }
}
