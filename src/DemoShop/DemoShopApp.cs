using System.Globalization;
using System.Net;

namespace DemoShop;

/// <summary>
/// A small B2B storefront to monitor: a home page and product pages for now. The checkout-paths work makes it a
/// real shop (sign-in, cart, checkout, faults to switch on).
/// </summary>
public static class DemoShopApp
{
    public static WebApplication Create(string[] args, string url)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(DemoShopApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();

        app.MapGet("/", () => Page("Professional supplies", $"""
            <h1>Professional supplies, delivered</h1>
            <p>Net prices excluding VAT. Sign in to see your company's prices.</p>
            <ul class="products">
            {string.Concat(Catalog.Products.Select(p => $"""<li><a href="/products/{p.Sku}">{Encode(p.Name)}</a> · {Price(p.ListPrice)}</li>"""))}
            </ul>
            """));

        app.MapGet("/products/{sku}", (string sku) => Catalog.Find(sku) is { } product
            ? Page(product.Name, $"""
                <h1 data-sku="{product.Sku}">{Encode(product.Name)}</h1>
                <p class="price">{Price(product.ListPrice)} <small>excl. VAT, per unit</small></p>
                <p>Minimum order: {product.MinOrderQuantity} units · Category: {Encode(product.Category)}</p>
                <p>{Encode(product.Description)}</p>
                <button type="button" disabled>Add to cart</button>
                """)
            : Results.Content(Html("Not found", "<h1>Product not found</h1>"), "text/html; charset=utf-8", statusCode: 404));

        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    private static IResult Page(string title, string body) => Results.Content(Html(title, body), "text/html; charset=utf-8");

    private static string Html(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)} · Demo B2B Shop</title></head>
        <body><header><a href="/">Demo B2B Shop</a></header><main>{body}</main></body></html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Price(decimal amount) => amount.ToString("0.00 €", CultureInfo.InvariantCulture);
}
