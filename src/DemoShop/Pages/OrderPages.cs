using DemoShop.Accounts;
using DemoShop.Faults;
using DemoShop.Ordering;
using static DemoShop.Pages.Html;

namespace DemoShop.Pages;

/// <summary>Order history, an order's confirmation page, and ordering the same again.</summary>
public static class OrderPages
{
    public static void MapOrderPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders", (HttpContext context, SessionStore sessions, OrderStore orders) =>
        {
            if (sessions.AccountOf(context) is not { } account) return SeeOther("/login?returnUrl=%2Forders");
            var list = orders.Of(account.Email);
            var rows = string.Concat(list.Select(o => $"""
                <tr class="order" data-order-number="{E(o.Number)}" data-synthetic="{(o.Synthetic ? "true" : "false")}">
                <td><a href="/orders/{U(o.Number)}">{E(o.Number)}</a></td><td>{o.PlacedAt:yyyy-MM-dd HH:mm}</td>
                <td>{o.Lines.Count} line(s)</td><td>{Money(o.TotalExclVat)} excl. VAT</td></tr>
                """));
            return Page(context, "Orders", list.Count == 0
                ? """<h1>Your orders</h1><p id="orders-empty">No order yet.</p>"""
                : $"""<h1>Your orders</h1><table id="orders"><thead><tr><th>Order</th><th>Placed</th><th>Lines</th><th>Total</th></tr></thead><tbody>{rows}</tbody></table>""");
        }).Step(ShopSteps.Orders);

        app.MapGet("/orders/{number}", (HttpContext context, SessionStore sessions, OrderStore orders, string number) =>
        {
            if (sessions.AccountOf(context) is not { } account) return SeeOther($"/login?returnUrl={U("/orders/" + number)}");
            if (orders.Find(number, account.Email) is not { } order) return NotFound(context, "Order");
            var address = account.Addresses.FirstOrDefault(a => a.Id == order.AddressId);
            var lines = string.Concat(order.Lines.Select(l => $"""
                <tr class="order-line" data-sku="{E(l.Sku)}" data-qty="{l.Quantity}" data-unit-price="{Number(l.UnitPrice)}"><td>{E(l.Name)} <small>{E(l.Sku)}</small></td>
                <td>{l.Quantity}</td><td>{Money(l.UnitPrice)}</td><td>{Money(l.Total)}</td></tr>
                """));
            return Page(context, $"Order {order.Number}", $"""
                <section id="order" data-order-number="{E(order.Number)}" data-synthetic="{(order.Synthetic ? "true" : "false")}" data-payment-method="{E(order.PaymentMethod)}">
                <h1>Thank you! Order <span id="order-number" data-order-number="{E(order.Number)}">{E(order.Number)}</span></h1>
                {(order.Synthetic ? """<p class="synthetic" id="synthetic-notice">Synthetic order (monitoring): it will not be shipped.</p>""" : "")}
                <p>Placed {order.PlacedAt:yyyy-MM-dd HH:mm} UTC · delivery: {E(order.DeliveryMethod)} to {E(address?.Label)} · payment: {E(order.PaymentMethod)}</p>
                <table id="order-lines"><thead><tr><th>Product</th><th>Qty</th><th>Unit price</th><th>Total</th></tr></thead><tbody>{lines}</tbody></table>
                <p>Delivery {Money(order.Shipping)} · total <span id="order-total" data-total="{Number(order.TotalExclVat)}">{Money(order.TotalExclVat)}</span> excl. VAT
                · VAT 20 % {Money(order.Vat)} · <strong>{Money(order.TotalInclVat)} incl. VAT</strong></p>
                {Form(context, $"/orders/{U(order.Number)}/reorder", "reorder", """<button type="submit">Order the same again</button>""")}
                </section>
                """);
        }).Step(ShopSteps.Orders);

        app.MapPost("/orders/{number}/reorder", (HttpContext context, SessionStore sessions, OrderStore orders, Shopping shopping, string number) =>
        {
            if (sessions.AccountOf(context) is not { } account) return SeeOther("/login");
            if (orders.Find(number, account.Email) is not { } order) return NotFound(context, "Order");
            shopping.Reorder(order, sessions.GetOrCreate(context).Cart);
            return SeeOther("/cart");
        }).RequireFormToken().Step(ShopSteps.Orders);
    }
}
