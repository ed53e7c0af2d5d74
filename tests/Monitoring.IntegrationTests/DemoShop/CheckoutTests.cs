using System.Net;
using global::DemoShop.Ordering;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>The whole buying path through the pages: cart, delivery, payment, order, order history, reorder, quote.</summary>
public sealed class CheckoutTests : IAsyncLifetime
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
    public async Task A_buyer_signs_in_fills_a_cart_and_places_an_order()
    {
        await _browser.SignInAsync("buyer@acme-tools.example");
        await _browser.AddToCartAsync("GLV-NIT-100", 20);
        await _browser.AddToCartAsync("DRL-18V-BL");

        var cart = await _browser.GetPageAsync("/cart");
        Assert.Equal(["GLV-NIT-100", "DRL-18V-BL"], cart.QuerySelectorAll("tr.cart-line").Select(r => r.GetAttribute("data-sku")));
        Assert.Equal("346.05", cart.QuerySelector("#cart-total")!.GetAttribute("data-total")); // 20 × 6.72 + 211.65

        var delivery = await _browser.GetPageAsync(cart.QuerySelector("a#checkout")!.GetAttribute("href")!);
        Assert.Equal(["acme-lyon", "acme-grenoble"], delivery.QuerySelectorAll("input[data-address-id]").Select(i => i.GetAttribute("data-address-id")));

        var payment = await _browser.FollowAsync(await _browser.SubmitAsync(delivery, "delivery",
            new Dictionary<string, string> { ["address"] = "acme-grenoble", ["delivery_method"] = "express" }));
        Assert.Equal(["card", "bank_transfer_30", "direct_debit"], payment.QuerySelectorAll("li.payment-method").Select(m => m.GetAttribute("data-method")));
        Assert.Equal("24.90", payment.QuerySelector("#shipping")!.GetAttribute("data-shipping"));

        var confirmation = await _browser.FollowAsync(await _browser.SubmitAsync(payment, "place-order",
            new Dictionary<string, string> { ["payment_method"] = "bank_transfer_30" }));
        var number = confirmation.QuerySelector("#order-number")!.GetAttribute("data-order-number")!;
        Assert.Matches("^DS-[0-9]{6}$", number);
        Assert.Equal("false", confirmation.QuerySelector("#order")!.GetAttribute("data-synthetic"));
        Assert.Equal("bank_transfer_30", confirmation.QuerySelector("#order")!.GetAttribute("data-payment-method"));
        Assert.Equal("370.95", confirmation.QuerySelector("#order-total")!.GetAttribute("data-total"));

        Assert.NotNull((await _browser.GetPageAsync("/cart")).QuerySelector("#cart-empty"));
        var history = await _browser.GetPageAsync("/orders");
        Assert.Equal([number], history.QuerySelectorAll("tr.order").Select(r => r.GetAttribute("data-order-number")));
    }

    [Fact]
    public async Task Adding_to_cart_without_the_anti_forgery_token_is_refused()
    {
        await _browser.GetPageAsync("/products/GLV-NIT-100"); // the anti-forgery cookie alone is not enough

        using var response = await _browser.PostFormAsync("/cart/add", new Dictionary<string, string> { ["sku"] = "GLV-NIT-100", ["qty"] = "10" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("0", (await _browser.GetPageAsync("/cart")).QuerySelector("#cart-link")!.GetAttribute("data-cart-count"));
    }

    [Fact]
    public async Task Adding_less_than_the_minimum_order_quantity_is_refused()
    {
        var page = await _browser.GetPageAsync("/products/GLV-NIT-100");

        using var response = await _browser.SubmitAsync(page, "add-to-cart", new Dictionary<string, string> { ["qty"] = "3" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sold from 10 units", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Quantities_can_be_changed_and_lines_removed()
    {
        await _browser.AddToCartAsync("SPN-13");
        await _browser.AddToCartAsync("HAM-CLW-400");

        var updated = await _browser.FollowAsync(await _browser.SubmitAsync(await _browser.GetPageAsync("/cart"), "update-SPN-13",
            new Dictionary<string, string> { ["qty"] = "4" }));
        var removed = await _browser.FollowAsync(await _browser.SubmitAsync(updated, "remove-HAM-CLW-400"));

        Assert.Equal("4", updated.QuerySelector("tr[data-sku=SPN-13]")!.GetAttribute("data-qty"));
        Assert.Equal(["SPN-13"], removed.QuerySelectorAll("tr.cart-line").Select(r => r.GetAttribute("data-sku")));
    }

    [Fact]
    public async Task Checkout_sends_signed_out_visitors_to_sign_in()
    {
        await _browser.AddToCartAsync("SPN-13");

        using var response = await _browser.Http.GetAsync("/checkout/delivery");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fcheckout%2Fdelivery", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_cart_survives_signing_in()
    {
        await _browser.AddToCartAsync("SPN-13", 2);
        await _browser.SignInAsync("buyer@acme-tools.example");

        var cart = await _browser.GetPageAsync("/cart");

        Assert.Equal("8.33", cart.QuerySelector("tr[data-sku=SPN-13]")!.GetAttribute("data-unit-price"));
    }

    [Fact]
    public async Task Reorder_puts_an_orders_lines_back_in_the_cart()
    {
        await _browser.SignInAsync("achats@batiplus.example");
        await _browser.AddToCartAsync("SCR-WD-4X40", 10);
        var confirmation = await _browser.CheckoutAsync("direct_debit");

        var cart = await _browser.FollowAsync(await _browser.SubmitAsync(confirmation, "reorder"));

        Assert.Equal("10", cart.QuerySelector("tr[data-sku=SCR-WD-4X40]")!.GetAttribute("data-qty"));
    }

    [Fact]
    public async Task Orders_of_another_account_are_not_found()
    {
        await _browser.SignInAsync("buyer@acme-tools.example");
        await _browser.AddToCartAsync("SPN-13");
        var number = (await _browser.CheckoutAsync()).QuerySelector("#order-number")!.GetAttribute("data-order-number");
        using var other = new ShopBrowser(_shop.Url);
        await other.SignInAsync("contact@dupont-elec.example");

        await other.GetPageAsync($"/orders/{number}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Orders_placed_with_the_synthetic_header_are_marked_synthetic()
    {
        await _browser.SignInAsync("buyer@acme-tools.example");
        await _browser.AddToCartAsync("SPN-13");

        var confirmation = await _browser.CheckoutAsync(configure: r => r.Headers.Add("X-Synthetic", "1"));

        Assert.Equal("true", confirmation.QuerySelector("#order")!.GetAttribute("data-synthetic"));
        Assert.True(_shop.Services.GetRequiredService<OrderStore>().All.Single().Synthetic);
    }

    [Fact]
    public async Task Orders_of_the_test_account_are_synthetic()
    {
        await _browser.SignInAsync("probe@demo-shop.example");
        await _browser.AddToCartAsync("SPN-13");

        var confirmation = await _browser.CheckoutAsync();

        Assert.Equal("true", confirmation.QuerySelector("[data-synthetic]")!.GetAttribute("data-synthetic"));
        Assert.NotNull(confirmation.QuerySelector("#synthetic-notice"));
    }

    [Fact]
    public async Task A_quote_request_gets_a_reference()
    {
        var form = await _browser.GetPageAsync("/quote");

        using var response = await _browser.SubmitAsync(form, "quote", new Dictionary<string, string>
        {
            ["company"] = "Menuiserie Martin", ["email"] = "devis@martin.example", ["message"] = "200 boîtes de vis 4 × 40",
        });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^Q-[0-9]{4}-[0-9]{5}$", page.QuerySelector("#quote-reference")!.GetAttribute("data-quote-reference"));
        Assert.Single(_shop.Services.GetRequiredService<OrderStore>().Quotes);
    }
}
