using DemoShop.Accounts;
using DemoShop.Faults;
using DemoShop.Ordering;
using static DemoShop.Pages.Html;

namespace DemoShop.Pages;

/// <summary>
/// Checkout for a signed-in account: delivery (address and method), payment (method), then placing the order, which
/// leads to its confirmation page. Signed-out visitors are sent to sign in first.
/// </summary>
public static class CheckoutPages
{
    public static void MapCheckoutPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout/delivery", (HttpContext context, SessionStore sessions) =>
        {
            if (Guard(context, sessions, "/checkout/delivery") is { } redirect) return redirect;
            var session = sessions.Find(context)!;
            var account = session.Account!;
            var chosen = session.Checkout ?? new CheckoutChoice(account.Addresses[0].Id, "standard");
            var addresses = string.Concat(account.Addresses.Select(a => $"""
                <li><label><input type="radio" name="address" value="{E(a.Id)}" data-address-id="{E(a.Id)}"{(a.Id == chosen.AddressId ? " checked" : "")}>
                <strong>{E(a.Label)}</strong>, {E(a.Street)}, {E(a.PostalCode)} {E(a.City)}</label></li>
                """));
            var methods = string.Concat(CheckoutOptions.DeliveryMethods.Select(d => $"""
                <li><label><input type="radio" name="delivery_method" value="{E(d.Code)}" data-delivery-method="{E(d.Code)}"{(d.Code == chosen.DeliveryMethod ? " checked" : "")}>
                {E(d.Label)} · {Money(d.Price)} excl. VAT</label></li>
                """));
            return Page(context, "Delivery", $"""
                <h1>Delivery</h1>
                {Form(context, "/checkout/delivery", "delivery", $"""
                    <h2>Address</h2><ul id="addresses">{addresses}</ul>
                    <h2>Delivery method</h2><ul id="delivery-methods">{methods}</ul>
                    <p><small>Standard delivery is free from {Money(CheckoutOptions.FreeShippingFrom)} excl. VAT.</small></p>
                    <button type="submit" id="to-payment">Continue to payment</button>
                    """)}
                """);
        }).Step(ShopSteps.Delivery);

        app.MapPost("/checkout/delivery", async (HttpContext context, SessionStore sessions) =>
        {
            if (Guard(context, sessions, "/checkout/delivery") is { } redirect) return redirect;
            var session = sessions.Find(context)!;
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string address = form["address"].ToString(), method = form["delivery_method"].ToString();
            if (session.Account!.Addresses.All(a => a.Id != address) || CheckoutOptions.DeliveryMethods.All(d => d.Code != method))
                return Problem(context, 400, "Please choose one of your addresses and a delivery method.");
            session.Checkout = new CheckoutChoice(address, method);
            return SeeOther("/checkout/payment");
        }).RequireFormToken().Step(ShopSteps.Delivery);

        app.MapGet("/checkout/payment", (HttpContext context, SessionStore sessions, Shopping shopping) =>
        {
            if (Guard(context, sessions, "/checkout/payment") is { } redirect) return redirect;
            var session = sessions.Find(context)!;
            if (session.Checkout is not { } choice) return SeeOther("/checkout/delivery");
            var lines = shopping.Price(session.Cart.Lines, session.Account);
            var subtotal = lines.Sum(l => l.Total);
            var shipping = CheckoutOptions.ShippingFor(choice.DeliveryMethod, subtotal);
            var methods = string.Concat(shopping.PaymentMethods.Select((m, i) => $"""
                <li class="payment-method" data-method="{E(m.Code)}"><label><input type="radio" name="payment_method" value="{E(m.Code)}" data-method="{E(m.Code)}"{(i == 0 ? " checked" : "")}> {E(m.Label)}</label></li>
                """));
            return Page(context, "Payment", $"""
                <h1>Payment</h1>
                <p>Subtotal {Money(subtotal)} · delivery <span id="shipping" data-shipping="{Number(shipping)}">{Money(shipping)}</span> ·
                total <span id="order-total" data-total="{Number(subtotal + shipping)}">{Money(subtotal + shipping)}</span> excl. VAT</p>
                {Form(context, "/checkout/place", "place-order", $"""
                    <ul id="payment-methods">{methods}</ul>
                    <button type="submit" id="place-order-button">Place order</button>
                    """)}
                """);
        }).Step(ShopSteps.Payment);

        app.MapPost("/checkout/place", async (HttpContext context, SessionStore sessions, Shopping shopping) =>
        {
            if (Guard(context, sessions, "/checkout/payment") is { } redirect) return redirect;
            var session = sessions.Find(context)!;
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var (order, error) = shopping.Place(session, session.Account!, session.Checkout, form["payment_method"],
                Shopping.IsSynthetic(context, session.Account!));
            return order is null ? Problem(context, 400, error!) : SeeOther($"/orders/{U(order.Number)}");
        }).RequireFormToken().Step(ShopSteps.PlaceOrder);
    }

    /// <summary>Signed-out visitors go to sign in (and come back); an empty cart goes back to the cart.</summary>
    private static IResult? Guard(HttpContext context, SessionStore sessions, string returnUrl)
    {
        var session = sessions.Find(context);
        if (session?.Account is null) return SeeOther($"/login?returnUrl={U(returnUrl)}");
        return session.Cart.Count == 0 ? SeeOther("/cart") : null;
    }
}
