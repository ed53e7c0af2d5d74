using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>
/// A browser-like client of the demo shop: a cookie jar, no automatic redirects (tests see the 303s), pages parsed
/// with AngleSharp, and forms submitted with the anti-forgery token scraped from the page, as a browser would.
/// </summary>
public sealed class ShopBrowser : IDisposable
{
    public const string Password = "demo-shop-2026";

    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _client;

    public ShopBrowser(string baseUrl)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };
    }

    public HttpClient Http => _client;

    public async Task<IDocument> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode}\n{html}");
        return Parser.ParseDocument(html);
    }

    /// <summary>Submits the form with this id on the page, its fields overridden or completed by <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string formId, IDictionary<string, string>? fields = null,
        Action<HttpRequestMessage>? configure = null)
    {
        var form = page.QuerySelector($"form#{formId}") ?? throw new Xunit.Sdk.XunitException($"no form #{formId} on the page");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var type = input.GetAttribute("type");
            if (type is "radio" or "checkbox" && !input.HasAttribute("checked")) continue;
            values[input.GetAttribute("name")!] = input.GetAttribute("value") ?? input.TextContent;
        }
        foreach (var (key, value) in fields ?? new Dictionary<string, string>()) values[key] = value;
        return await PostFormAsync(form.GetAttribute("action")!, values, configure);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> values, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        configure?.Invoke(request);
        return await _client.SendAsync(request);
    }

    /// <summary>These fields and the anti-forgery token found on a page (any form's token is valid for every form).</summary>
    public async Task<Dictionary<string, string>> WithTokenAsync(string pagePath, params (string Key, string Value)[] fields)
    {
        var page = await GetPageAsync(pagePath);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return fields.Append((Key: "__RequestVerificationToken", Value: token)).ToDictionary(f => f.Key, f => f.Value);
    }

    /// <summary>Follows a 303 after a form post and returns the page it leads to.</summary>
    public async Task<IDocument> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther,
            $"expected 303, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await GetPageAsync(response.Headers.Location!.ToString());
    }

    public async Task SignInAsync(string email)
    {
        var page = await GetPageAsync("/login");
        var response = await SubmitAsync(page, "login", new Dictionary<string, string> { ["email"] = email, ["password"] = Password });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public async Task AddToCartAsync(string sku, int? quantity = null)
    {
        var page = await GetPageAsync($"/products/{sku}");
        var fields = quantity is null ? null : new Dictionary<string, string> { ["qty"] = quantity.Value.ToString() };
        var response = await SubmitAsync(page, "add-to-cart", fields);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    /// <summary>Delivery with the defaults, then places the order with this payment method; returns the confirmation.</summary>
    public async Task<IDocument> CheckoutAsync(string paymentMethod = "card", Action<HttpRequestMessage>? configure = null)
    {
        var payment = await FollowAsync(await SubmitAsync(await GetPageAsync("/checkout/delivery"), "delivery"));
        return await FollowAsync(await SubmitAsync(payment, "place-order",
            new Dictionary<string, string> { ["payment_method"] = paymentMethod }, configure));
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => _client.PostAsJsonAsync(path, body);

    public void Dispose() => _client.Dispose();
}
