using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Scenarios;

/// <summary>
/// A small shop on a free loopback port, just enough for a checkout scenario: a login form with an anti-forgery token
/// (cookie + hidden field, both required), a session cookie, a cart, a checkout that ends on the payment step, a JSON
/// API and a GraphQL endpoint. <see cref="FailingPath"/> makes one path answer 500.
/// </summary>
public sealed class ScenarioShop : IAsyncDisposable
{
    public const string Email = "buyer@shop.test";
    public const string Password = "Corr3ct horse&battery";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<string>> _carts = new();

    private ScenarioShop(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>A path (like <c>/cart/add</c>) that answers 500 while set.</summary>
    public string? FailingPath { get; set; }

    /// <summary>Carts emptied by a cleanup step.</summary>
    public int CartsEmptied;

    public static async Task<ScenarioShop> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var shop = new ScenarioShop(app);
        shop.Map(app);
        await app.StartAsync();
        shop.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return shop;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == FailingPath)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Internal error: the cart service is down");
                return;
            }
            await next();
        });

        app.MapGet("/login", (HttpContext context) =>
        {
            var token = Guid.NewGuid().ToString("N");
            context.Response.Cookies.Append("af", token);
            return Html($"""<h1>Sign in</h1><form id="login" method="post"><input name="email"><input name="password" type="password"><input name="__RequestVerificationToken" type="hidden" value="{token}"></form>""");
        });
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["__RequestVerificationToken"] != context.Request.Cookies["af"] || string.IsNullOrEmpty(form["__RequestVerificationToken"]))
                return Results.BadRequest("anti-forgery token missing or wrong");
            if (form["email"] != Email || form["password"] != Password)
                return Html($"<p class=\"error\">Wrong password {WebUtility.HtmlEncode(form["password"])} for {form["email"]}</p>", 401);
            var session = Guid.NewGuid().ToString("N");
            _carts[session] = [];
            context.Response.Cookies.Append("session", session);
            return Results.Redirect("/account");
        });
        app.MapGet("/account", (HttpContext context) => Session(context) is null
            ? Results.Redirect("/login")
            : Html($"<h1>Welcome</h1><p class=\"customer\">{Email}</p>"));
        app.MapPost("/cart/add", async (HttpContext context) =>
        {
            if (Session(context) is not { } cart) return Results.Unauthorized();
            cart.Add((await context.Request.ReadFormAsync())["sku"].ToString());
            return Html($"<h1>Cart</h1>{string.Concat(cart.Select(s => $"<li class=\"line\">{s}</li>"))}");
        });
        app.MapGet("/checkout", (HttpContext context) => Session(context) is { Count: > 0 }
            ? Html("<h1>Payment</h1><form id=\"payment\"><input name=\"method\" value=\"invoice\"></form>")
            : Html("<h1>Your cart is empty</h1>", 409));
        app.MapGet("/api/cart", (HttpContext context) => Session(context) is { } cart
            ? Results.Json(new { id = context.Request.Cookies["session"], lines = cart.Count, skus = cart })
            : Results.Unauthorized());
        app.MapDelete("/api/cart/{id}", (string id) =>
        {
            if (!_carts.TryGetValue(id, out var cart)) return Results.NotFound();
            cart.Clear();
            Interlocked.Increment(ref CartsEmptied);
            return Results.NoContent();
        });
        app.MapPost("/graphql", async (HttpContext context) =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body);
            var query = request.RootElement.GetProperty("query").GetString() ?? "";
            var sku = request.RootElement.TryGetProperty("variables", out var v) && v.TryGetProperty("sku", out var s) ? s.GetString() : null;
            return query.Contains("product")
                ? Results.Json(new { data = new { product = new { sku, price = 12.5, currency = "EUR" } } })
                : Results.Json(new { data = (object?)null, errors = new[] { new { message = "Cannot query this field" } } });
        });
    }

    private List<string>? Session(HttpContext context) =>
        context.Request.Cookies["session"] is { } id && _carts.TryGetValue(id, out var cart) ? cart : null;

    private static IResult Html(string body, int status = 200) =>
        Results.Content($"<!doctype html><html><body>{body}</body></html>", "text/html; charset=utf-8", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
