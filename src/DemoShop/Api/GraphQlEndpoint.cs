using System.Text.Json;
using System.Text.RegularExpressions;
using DemoShop.Accounts;
using DemoShop.Catalog;
using DemoShop.Faults;

namespace DemoShop.Api;

public sealed record GraphQlRequest(string? Query, Dictionary<string, JsonElement>? Variables);

/// <summary>
/// <c>POST /api/graphql</c>: not a GraphQL server, just enough for a probe to send a GraphQL body. It answers one
/// query, <c>{ product(sku: "...") { ... } }</c> (or <c>product(sku: $sku)</c> with variables), with the fields
/// asked among sku, name, brand, price, list_price, stock, gtin; anything else gets a GraphQL-shaped error.
/// </summary>
public static partial class GraphQlEndpoint
{
    [GeneratedRegex("""^\s*(query\b[^{]*)?\{\s*product\s*\(\s*sku\s*:\s*(?:"(?<sku>[^"]*)"|\$(?<var>\w+))\s*\)\s*\{(?<fields>[^{}]*)\}\s*\}\s*$""")]
    private static partial Regex ProductQuery();

    public static void MapShopGraphQl(this IEndpointRouteBuilder api) =>
        api.MapPost("/graphql", (HttpContext context, ShopCatalog catalog, Pricing pricing, SessionStore sessions, GraphQlRequest body) =>
        {
            var match = ProductQuery().Match(body.Query ?? "");
            if (!match.Success) return Error("only `{ product(sku: \"...\") { sku name price } }` is supported");
            var sku = match.Groups["sku"].Success ? match.Groups["sku"].Value
                : body.Variables?.GetValueOrDefault(match.Groups["var"].Value) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : null;
            if (sku is null) return Error($"variable ${match.Groups["var"].Value} is not given");
            if (catalog.Find(sku) is not { } p) return Results.Json(new { Data = new { Product = (object?)null } });

            var account = sessions.AccountOf(context);
            var product = new Dictionary<string, object?>();
            foreach (var field in match.Groups["fields"].Value.Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                object? value = field switch
                {
                    "sku" => p.Sku, "name" => p.Name, "brand" => p.Brand, "price" => pricing.Shown(p, account),
                    "list_price" or "listPrice" => p.ListPrice, "stock" => p.Stock, "gtin" => p.Gtin,
                    _ => Missing.Value,
                };
                if (value == Missing.Value) return Error($"Cannot query field \"{field}\" on type \"Product\"");
                product[field] = value;
            }
            return Results.Json(new { Data = new { Product = product } });
        }).Step(ShopSteps.Api, ShopSteps.Product);

    /// <summary>GraphQL reports query errors with status 200 and an <c>errors</c> list.</summary>
    private static IResult Error(string message) => Results.Json(new { Errors = new[] { new { Message = message } } });

    private sealed class Missing { public static readonly Missing Value = new(); }
}
