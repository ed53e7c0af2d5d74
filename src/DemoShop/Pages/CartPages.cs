using DemoShop.Accounts;
using DemoShop.Faults;
using DemoShop.Ordering;
using static DemoShop.Pages.Html;

namespace DemoShop.Pages;

/// <summary>The cart: view it, add to it, change a quantity, remove a line (POST forms with the anti-forgery token).</summary>
public static class CartPages
{
    public static void MapCartPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cart", (HttpContext context, SessionStore sessions, Shopping shopping) =>
            CartPage(context, sessions, shopping, null)).Step(ShopSteps.Cart);

        app.MapPost("/cart/add", async (HttpContext context, SessionStore sessions, Shopping shopping) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var session = sessions.GetOrCreate(context);
            var error = shopping.Add(session.Cart, form["sku"], Quantity(form["qty"], 1));
            return error is null ? SeeOther("/cart") : CartPage(context, sessions, shopping, error, 400);
        }).RequireFormToken().Step(ShopSteps.AddToCart);

        app.MapPost("/cart/update", async (HttpContext context, SessionStore sessions, Shopping shopping) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var error = shopping.SetQuantity(sessions.GetOrCreate(context).Cart, form["sku"], Quantity(form["qty"], 0));
            return error is null ? SeeOther("/cart") : CartPage(context, sessions, shopping, error, 400);
        }).RequireFormToken().Step(ShopSteps.Cart);

        app.MapPost("/cart/remove", async (HttpContext context, SessionStore sessions, Shopping shopping) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            shopping.SetQuantity(sessions.GetOrCreate(context).Cart, form["sku"], 0);
            return SeeOther("/cart");
        }).RequireFormToken().Step(ShopSteps.Cart);
    }

    private static int Quantity(string? text, int fallback) => int.TryParse(text, out var q) ? q : fallback;

    private static IResult CartPage(HttpContext context, SessionStore sessions, Shopping shopping, string? error, int status = 200)
    {
        var session = sessions.Find(context);
        var lines = shopping.Price(session?.Cart.Lines ?? [], session?.Account);
        var total = lines.Sum(l => l.Total);
        var rows = string.Concat(lines.Select(l => $"""
            <tr class="cart-line" data-sku="{E(l.Product.Sku)}" data-qty="{l.Quantity}" data-unit-price="{Number(l.UnitPrice)}" data-line-total="{Number(l.Total)}">
            <td><a href="/products/{U(l.Product.Sku)}">{E(l.Product.Name)}</a><br><small>{E(l.Product.Sku)}</small></td>
            <td>{Money(l.UnitPrice)}</td>
            <td>{Form(context, "/cart/update", $"update-{l.Product.Sku}", $"""<input type="hidden" name="sku" value="{E(l.Product.Sku)}"><input type="number" name="qty" value="{l.Quantity}" min="0" aria-label="Quantity"><button type="submit">Update</button>""")}</td>
            <td>{Money(l.Total)}</td>
            <td>{Form(context, "/cart/remove", $"remove-{l.Product.Sku}", $"""<input type="hidden" name="sku" value="{E(l.Product.Sku)}"><button type="submit">Remove</button>""")}</td></tr>
            """));
        var body = lines.Count == 0
            ? """<p id="cart-empty">Your cart is empty. <a href="/">Browse the catalogue</a>.</p>"""
            : $"""
              <table id="cart"><thead><tr><th>Product</th><th>Unit price excl. VAT</th><th>Quantity</th><th>Total excl. VAT</th><th></th></tr></thead>
              <tbody>{rows}</tbody></table>
              <p>Subtotal <span id="cart-total" data-total="{Number(total)}">{Money(total)}</span> excl. VAT
              {(session?.Account is null ? "(list prices: sign in for your net prices)" : "")}</p>
              <p><a href="/checkout/delivery" id="checkout" class="button">Proceed to checkout</a></p>
              """;
        return Page(context, "Cart", $"""
            <h1>Your cart</h1>
            {(error is null ? "" : $"""<p class="error" id="cart-error">{E(error)}</p>""")}
            {body}
            """, status);
    }
}
