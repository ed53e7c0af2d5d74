using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using global::DemoShop;
using global::DemoShop.Faults;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>Every fault of <c>/_faults</c> produces its failure at the right step, and clearing it heals the shop.</summary>
public sealed class FaultTests : IAsyncLifetime
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

    /// <summary>One request of each step, made by a signed-in buyer whose cart is filled and delivery chosen.</summary>
    private static readonly Dictionary<string, Func<ShopBrowser, Task<HttpResponseMessage>>> StepRequests = new()
    {
        [ShopSteps.Home] = b => b.Http.GetAsync("/"),
        [ShopSteps.Search] = b => b.Http.GetAsync("/search?q=vis"),
        [ShopSteps.Category] = b => b.Http.GetAsync("/c/fixations"),
        [ShopSteps.Product] = b => b.Http.GetAsync("/products/GLV-NIT-100"),
        [ShopSteps.Login] = b => b.Http.GetAsync("/login"),
        [ShopSteps.Cart] = b => b.Http.GetAsync("/cart"),
        [ShopSteps.AddToCart] = async b => await b.PostFormAsync("/cart/add", await b.WithTokenAsync("/cart", ("sku", "SPN-13"), ("qty", "1"))),
        [ShopSteps.Delivery] = b => b.Http.GetAsync("/checkout/delivery"),
        [ShopSteps.Payment] = b => b.Http.GetAsync("/checkout/payment"),
        [ShopSteps.PlaceOrder] = async b => await b.PostFormAsync("/checkout/place", await b.WithTokenAsync("/cart", ("payment_method", "card"))),
        [ShopSteps.Orders] = b => b.Http.GetAsync("/orders"),
        [ShopSteps.Quote] = b => b.Http.GetAsync("/quote"),
        [ShopSteps.Api] = b => b.Http.GetAsync("/api/products/GLV-NIT-100"),
    };

    public static TheoryData<string> Steps => new(ShopSteps.All);

    private async Task PrepareCheckoutAsync()
    {
        await _browser.SignInAsync("buyer@acme-tools.example");
        await _browser.AddToCartAsync("SPN-13", 2);
        await _browser.FollowAsync(await _browser.SubmitAsync(await _browser.GetPageAsync("/checkout/delivery"), "delivery"));
    }

    private async Task<JsonElement> SetFaultsAsync(string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _browser.Http.PostAsync("/_faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"POST /_faults {json}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_failing_step_answers_500_until_cleared(string step)
    {
        await PrepareCheckoutAsync();
        await SetFaultsAsync($$"""{ "step": "{{step}}", "status": 500 }""");

        using var failed = await StepRequests[step](_browser);
        using var other = await _browser.Http.GetAsync(step == ShopSteps.Home ? "/quote" : "/");
        await SetFaultsAsync("{}");
        using var healed = await StepRequests[step](_browser);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.True((int)healed.StatusCode is 200 or 303, $"{step} after clearing: {(int)healed.StatusCode} {await healed.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_failing_step_can_answer_another_status_and_also_breaks_its_api_twin()
    {
        await SetFaultsAsync("""{ "step": "product", "status": 502 }""");

        using var page = await _browser.Http.GetAsync("/products/GLV-NIT-100");
        using var api = await _browser.Http.GetAsync("/api/products/GLV-NIT-100");

        Assert.Equal(HttpStatusCode.BadGateway, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        Assert.Equal(502, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_slow_step_delays_only_that_step()
    {
        await PrepareCheckoutAsync();
        await SetFaultsAsync("""{ "slow_ms": 1500, "step": "payment" }""");

        var slow = await TimeAsync(() => _browser.Http.GetAsync("/checkout/payment"));
        var fast = await TimeAsync(() => _browser.Http.GetAsync("/cart"));

        Assert.True(slow >= TimeSpan.FromMilliseconds(1450), $"payment took {slow}");
        Assert.True(fast < TimeSpan.FromMilliseconds(1450), $"cart took {fast}");
    }

    [Fact]
    public async Task Slow_without_a_step_delays_every_request()
    {
        await SetFaultsAsync("""{ "slow_ms": 600 }""");

        Assert.True(await TimeAsync(() => _browser.Http.GetAsync("/healthz")) >= TimeSpan.FromMilliseconds(580));
        Assert.True(await TimeAsync(() => _browser.Http.GetAsync("/api/products")) >= TimeSpan.FromMilliseconds(580));
    }

    [Fact]
    public async Task A_missing_payment_method_disappears_from_the_payment_step_and_is_refused()
    {
        await PrepareCheckoutAsync();
        await SetFaultsAsync("""{ "missing_payment_method": "card" }""");

        var payment = await _browser.GetPageAsync("/checkout/payment");
        using var placed = await _browser.SubmitAsync(payment, "place-order", new Dictionary<string, string> { ["payment_method"] = "card" });

        Assert.Equal(["bank_transfer_30", "direct_debit"], payment.QuerySelectorAll("li[data-method]").Select(m => m.GetAttribute("data-method")));
        Assert.Equal(HttpStatusCode.BadRequest, placed.StatusCode);
    }

    [Fact]
    public async Task Wrong_price_multiplies_the_shown_price_until_cleared()
    {
        await SetFaultsAsync("""{ "wrong_price": true }""");
        var wrong = await _browser.GetPageAsync("/products/GLV-NIT-100");
        await SetFaultsAsync("""{ "wrong_price": true, "wrong_price_factor": 0.1 }""");
        var cheap = await _browser.GetPageAsync("/products/GLV-NIT-100");
        await SetFaultsAsync("{}");
        var right = await _browser.GetPageAsync("/products/GLV-NIT-100");

        Assert.Equal("790.00", Price(wrong));
        Assert.Equal("0.79", Price(cheap));
        Assert.Equal("7.90", Price(right));
    }

    [Fact]
    public async Task Down_answers_503_everywhere_but_the_fault_switch()
    {
        await SetFaultsAsync("""{ "down": true }""");

        foreach (var path in new[] { "/", "/healthz", "/products/GLV-NIT-100", "/api/products" })
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _browser.Http.GetAsync(path)).StatusCode);
        Assert.True((await _browser.Http.GetFromJsonAsync<JsonElement>("/_faults")).GetProperty("down").GetBoolean());
        await SetFaultsAsync("{}");
        Assert.Equal(HttpStatusCode.OK, (await _browser.Http.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("""{ "step": "checkout" }""")]
    [InlineData("""{ "missing_payment_method": "cash" }""")]
    [InlineData("""{ "status": 500 }""")]
    [InlineData("""{ "slow_ms": -1 }""")]
    [InlineData("""not json""")]
    public async Task Invalid_faults_are_refused_and_change_nothing(string json)
    {
        var error = await SetFaultsAsync(json, HttpStatusCode.BadRequest);

        Assert.True(error.TryGetProperty("error", out _));
        Assert.Equal(FaultSpec.None, _shop.Faults.Current);
    }

    [Fact]
    public async Task Faults_given_in_options_are_in_force_from_the_start()
    {
        var faults = new FaultSettings(new FaultSpec { Down = true });
        await using var shop = await DemoShopHost.StartAsync(new DemoShopOptions { Faults = faults });
        using var client = new HttpClient { BaseAddress = new Uri(shop.Url) };

        var down = await client.GetAsync("/healthz");
        faults.Clear();
        var up = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task Faults_given_in_configuration_are_in_force_from_the_start()
    {
        await using var shop = await DemoShopHost.StartAsync(new DemoShopOptions(),
            ["--DemoShop:Faults:Step=search", "--DemoShop:Faults:Status=503", "--DemoShop:Faults:MissingPaymentMethod=direct_debit"]);
        using var client = new HttpClient { BaseAddress = new Uri(shop.Url) };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/search?q=vis")).StatusCode);
        Assert.Equal("direct_debit", shop.Faults.Current.MissingPaymentMethod);
    }

    [Fact]
    public async Task The_fault_switch_answers_loopback_clients_only()
    {
        var address = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (address is null) return; // no other interface on this machine: nothing to reach the shop from
        var app = DemoShopApp.Create([], "http://0.0.0.0:0");
        await app.StartAsync();
        try
        {
            var port = new Uri(app.Urls.First().Replace("0.0.0.0", "127.0.0.1")).Port;
            using var client = new HttpClient();

            var remote = await client.GetAsync($"http://{address}:{port}/_faults");
            var remoteShop = await client.GetAsync($"http://{address}:{port}/");
            var local = await client.GetAsync($"http://127.0.0.1:{port}/_faults");

            Assert.Equal(HttpStatusCode.NotFound, remote.StatusCode);
            Assert.Equal(HttpStatusCode.OK, remoteShop.StatusCode);
            Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string? Price(IDocument page) => page.QuerySelector("#price")!.GetAttribute("data-price");

    private static async Task<TimeSpan> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var watch = Stopwatch.StartNew();
        using var response = await request();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        return watch.Elapsed;
    }
}
