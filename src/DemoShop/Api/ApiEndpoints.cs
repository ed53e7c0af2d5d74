using DemoShop.Accounts;
using DemoShop.Catalog;
using DemoShop.Faults;
using DemoShop.Ordering;

namespace DemoShop.Api;

public sealed record ApiLogin(string? Email, string? Password);

public sealed record ApiCartItem(string? Sku, int? Qty);

public sealed record ApiCheckout(string? PaymentMethod, string? AddressId, string? DeliveryMethod);

/// <summary>
/// The buying path as JSON (snake_case), for API probes and headless front ends. Authentication: the token from
/// <c>POST /api/login</c> as <c>Authorization: Bearer</c>, or the session cookie it also sets. No anti-forgery token:
/// JSON bodies cannot be sent cross-site without a CORS preflight, which the shop never grants.
/// </summary>
public static class ApiEndpoints
{
    private const int PageSize = 50;

    public static void MapShopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/products", (HttpContext context, ShopCatalog catalog, Pricing pricing, SessionStore sessions, string? q, int? page) =>
        {
            var account = sessions.AccountOf(context);
            var found = string.IsNullOrWhiteSpace(q) ? catalog.Products : catalog.Search(q);
            var current = Math.Max(1, page ?? 1);
            return Results.Json(new
            {
                Total = found.Count,
                Page = current,
                PageSize,
                Items = found.Skip((current - 1) * PageSize).Take(PageSize).Select(p => Summary(p, pricing, account)),
            });
        }).Step(ShopSteps.Api, ShopSteps.Search);

        api.MapGet("/products/{sku}", (HttpContext context, ShopCatalog catalog, Pricing pricing, SessionStore sessions, string sku) =>
        {
            if (catalog.Find(sku) is not { } p) return Results.NotFound(new { Error = $"unknown product '{sku}'" });
            var account = sessions.AccountOf(context);
            return Results.Json(new
            {
                p.Sku, p.Name, p.Description, p.Brand, Category = p.CategoryPath, p.Gtin, p.ImageUrl, p.Stock, MinOrderQty = p.MinOrderQty,
                Price = pricing.Shown(p, account), PriceKind = Pricing.Kind(account), ListPrice = p.ListPrice,
                NetPrice = account is null ? (decimal?)null : pricing.Shown(p, account), Currency = "EUR", VatIncluded = false,
            });
        }).Step(ShopSteps.Api, ShopSteps.Product);

        api.MapPost("/login", (HttpContext context, SessionStore sessions, ApiLogin body) =>
        {
            if (sessions.Authenticate(body.Email, body.Password) is not { } account)
                return Results.Json(new { Error = "unknown email or wrong password" }, statusCode: 401);
            var session = sessions.SignIn(context, account);
            return Results.Json(new { Token = session.Id, TokenType = "Bearer", Account = AccountJson(account) });
        }).Step(ShopSteps.Api, ShopSteps.Login);

        api.MapPost("/cart/items", (HttpContext context, SessionStore sessions, Shopping shopping, ApiCartItem body) =>
        {
            if (sessions.Find(context) is not { Account: not null } session) return Unauthorized();
            return shopping.Add(session.Cart, body.Sku, body.Qty ?? 1) is { } error
                ? Results.BadRequest(new { Error = error })
                : CartJson(session, shopping);
        }).Step(ShopSteps.Api, ShopSteps.AddToCart);

        api.MapGet("/cart", (HttpContext context, SessionStore sessions, Shopping shopping) =>
            sessions.Find(context) is { Account: not null } session ? CartJson(session, shopping) : Unauthorized())
            .Step(ShopSteps.Api, ShopSteps.Cart);

        api.MapPost("/checkout", (HttpContext context, SessionStore sessions, Shopping shopping, ApiCheckout body) =>
        {
            if (sessions.Find(context) is not { Account: { } account } session) return Unauthorized();
            var choice = new CheckoutChoice(body.AddressId ?? account.Addresses[0].Id, body.DeliveryMethod ?? "standard");
            var (order, error) = shopping.Place(session, account, choice, body.PaymentMethod, Shopping.IsSynthetic(context, account));
            return order is null
                ? Results.BadRequest(new { Error = error })
                : Results.Json(OrderJson(order), statusCode: StatusCodes.Status201Created);
        }).Step(ShopSteps.Api, ShopSteps.PlaceOrder);

        api.MapGet("/orders", (HttpContext context, SessionStore sessions, OrderStore orders) =>
            sessions.AccountOf(context) is { } account
                ? Results.Json(new { Orders = orders.Of(account.Email).Select(OrderJson) })
                : Unauthorized())
            .Step(ShopSteps.Api, ShopSteps.Orders);

        api.MapShopGraphQl();
    }

    private static IResult Unauthorized() => Results.Json(new { Error = "sign in first: POST /api/login" }, statusCode: 401);

    private static object Summary(ShopProduct p, Pricing pricing, ShopAccount? account) => new
    {
        p.Sku, p.Name, p.Brand, Category = p.CategoryPath, Price = pricing.Shown(p, account), PriceKind = Pricing.Kind(account),
        p.Stock, Url = $"/products/{Uri.EscapeDataString(p.Sku)}",
    };

    private static object AccountJson(ShopAccount a) => new { a.Email, a.Company, a.Segment, a.PriceList, a.Discount };

    private static IResult CartJson(ShopSession session, Shopping shopping)
    {
        var lines = shopping.Price(session.Cart.Lines, session.Account);
        return Results.Json(new
        {
            Lines = lines.Select(l => new { l.Product.Sku, l.Product.Name, Qty = l.Quantity, l.UnitPrice, l.Total }),
            Total = lines.Sum(l => l.Total),
            Currency = "EUR",
        });
    }

    private static object OrderJson(Order o) => new
    {
        OrderId = o.Number, OrderNumber = o.Number, o.PlacedAt, o.PaymentMethod, o.DeliveryMethod, o.AddressId, o.Synthetic,
        Lines = o.Lines.Select(l => new { l.Sku, l.Name, Qty = l.Quantity, l.UnitPrice, l.Total }),
        o.Shipping, o.TotalExclVat, o.Vat, o.TotalInclVat, Url = $"/orders/{Uri.EscapeDataString(o.Number)}",
    };
}
