using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DemoShop.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace DemoShop.Pages;

/// <summary>
/// The storefront's page frame and small HTML helpers. Pages are plain strings: every value shown passes through
/// <see cref="E"/>, every POST form carries the anti-forgery token (<see cref="Form"/>).
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encodes text, keeping accented letters readable (<c>Électricité</c>, not entities).</summary>
    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>An amount for people: <c>1 234,50 €</c> would be French; the demo keeps <c>1234.50 €</c>.</summary>
    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " €";

    /// <summary>An amount for machines (data attributes): invariant, two decimals.</summary>
    public static string Number(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A POST form with the request's anti-forgery token as its first field.</summary>
    public static string Form(HttpContext context, string action, string id, string fields, string? attributes = null)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<form method="post" action="{E(action)}" id="{E(id)}"{(attributes is null ? "" : " " + attributes)}><input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">{fields}</form>""";
    }

    public static IResult Page(HttpContext context, string title, string body, int status = 200) =>
        Results.Content(Frame(context, title, body), "text/html; charset=utf-8", statusCode: status);

    public static IResult NotFound(HttpContext context, string what) =>
        Page(context, "Not found", $"""<h1 id="not-found">{E(what)} not found</h1><p><a href="/">Back to the shop</a></p>""", 404);

    public static IResult Problem(HttpContext context, int status, string message) =>
        Page(context, "Problem", $"""<h1>Sorry</h1><p class="error" id="error" data-status="{status}">{E(message)}</p>""", status);

    /// <summary>A 303 redirect: after a POST, the browser follows with a GET.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    private static string Frame(HttpContext context, string title, string body)
    {
        var session = context.RequestServices.GetRequiredService<SessionStore>().Find(context);
        var account = session?.Account;
        var cartCount = session?.Cart.Count ?? 0;
        var who = account is null
            ? """<a href="/login" id="login-link">Sign in</a>"""
            : $"""<span id="account" data-account="{E(account.Email)}">{E(account.Company)}</span> · <a href="/orders" id="orders-link">Orders</a> · """
              + Form(context, "/logout", "logout", """<button type="submit">Sign out</button>""", """style="display:inline" """);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Demo B2B Shop</title><style>{Style}</style></head>
            <body data-signed-in="{(account is null ? "false" : "true")}">
            <header><a href="/" class="brand">Demo B2B Shop</a>
            <form method="get" action="/search" id="search" role="search"><input type="search" name="q" placeholder="Product, reference, brand" aria-label="Search"><button type="submit">Search</button></form>
            <nav>{who} · <a href="/quote" id="quote-link">Request a quote</a> · <a href="/cart" id="cart-link" data-cart-count="{cartCount}">Cart ({cartCount})</a></nav></header>
            <main>{body}</main>
            <footer>Demo B2B Shop · prices excluding VAT · a demo for shopmon</footer></body></html>
            """;
    }

    private const string Style = "body{font-family:sans-serif;margin:0 auto;max-width:64rem;padding:0 1rem}"
        + "header{display:flex;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ccc;padding:.5rem 0}"
        + ".brand{font-weight:bold}.products{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem;list-style:none;padding:0}"
        + ".products li{border:1px solid #ddd;padding:.5rem}table{border-collapse:collapse}td,th{padding:.25rem .5rem;border-bottom:1px solid #eee}"
        + ".error{color:#a00}footer{color:#777;border-top:1px solid #ccc;margin-top:2rem;padding:.5rem 0}";
}
