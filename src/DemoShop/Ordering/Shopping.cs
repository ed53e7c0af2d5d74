using DemoShop.Accounts;
using DemoShop.Catalog;
using DemoShop.Faults;

namespace DemoShop.Ordering;

/// <summary>A cart line priced for an account (excluding VAT).</summary>
public sealed record PricedLine(ShopProduct Product, int Quantity, decimal UnitPrice)
{
    public decimal Total => UnitPrice * Quantity;
}

/// <summary>
/// The buying rules shared by the pages and the JSON API: minimum order quantities, pricing a cart, placing and
/// repeating orders. Refusals are returned as messages, not thrown.
/// </summary>
public sealed class Shopping(ShopCatalog catalog, Pricing pricing, OrderStore orders, FaultSettings faults)
{
    public const string SyntheticHeader = "X-Synthetic";

    /// <summary>Adds to the cart, or says why not (unknown product, quantity under the minimum order).</summary>
    public string? Add(Cart cart, string? sku, int quantity)
    {
        if (catalog.Find(sku ?? "") is not { } product) return $"Unknown product '{sku}'.";
        if (quantity <= 0) return "The quantity must be at least 1.";
        if (cart.QuantityOf(product.Sku) + quantity < product.MinOrderQty)
            return $"{product.Name} is sold from {product.MinOrderQty} units.";
        cart.Add(product.Sku, quantity);
        return null;
    }

    /// <summary>Changes a line's quantity (0 removes it), or says why not.</summary>
    public string? SetQuantity(Cart cart, string? sku, int quantity)
    {
        if (catalog.Find(sku ?? "") is not { } product) return $"Unknown product '{sku}'.";
        if (quantity > 0 && quantity < product.MinOrderQty) return $"{product.Name} is sold from {product.MinOrderQty} units.";
        cart.Set(product.Sku, quantity);
        return null;
    }

    public IReadOnlyList<PricedLine> Price(IEnumerable<CartLine> lines, ShopAccount? account) =>
        lines.Select(l => catalog.Find(l.Sku) is { } p ? new PricedLine(p, l.Quantity, pricing.Unit(p, account)) : null)
            .OfType<PricedLine>().ToList();

    /// <summary>The payment methods the payment step offers now (a fault may hide one).</summary>
    public IReadOnlyList<PaymentMethod> PaymentMethods =>
        CheckoutOptions.PaymentMethods.Where(m => faults.IsPaymentMethodAvailable(m.Code)).ToList();

    /// <summary>Whether an order of this request is synthetic: a test account, or the <c>X-Synthetic: 1</c> header.</summary>
    public static bool IsSynthetic(HttpContext context, ShopAccount account) =>
        account.IsTestAccount || context.Request.Headers[SyntheticHeader].ToString() is "1" or "true";

    /// <summary>Turns the session's cart into an order, or says why not. The cart is emptied only on success.</summary>
    public (Order? Order, string? Error) Place(ShopSession session, ShopAccount account, CheckoutChoice? choice,
        string? paymentMethod, bool synthetic)
    {
        choice ??= new CheckoutChoice(account.Addresses[0].Id, "standard");
        if (account.Addresses.All(a => a.Id != choice.AddressId)) return (null, $"Unknown delivery address '{choice.AddressId}'.");
        if (CheckoutOptions.DeliveryMethods.All(d => d.Code != choice.DeliveryMethod)) return (null, $"Unknown delivery method '{choice.DeliveryMethod}'.");
        if (PaymentMethods.All(m => m.Code != paymentMethod)) return (null, $"The payment method '{paymentMethod}' is not available.");
        var lines = session.Cart.TakeAll();
        var priced = Price(lines, account);
        if (priced.Count == 0)
        {
            session.Cart.ReplaceWith(lines);
            return (null, "Your cart is empty.");
        }
        var subtotal = priced.Sum(l => l.Total);
        var order = orders.Place(number => new Order(number, account.Email, orders.Clock.GetUtcNow(),
            priced.Select(l => new OrderLine(l.Product.Sku, l.Product.Name, l.Quantity, l.UnitPrice)).ToList(),
            choice.AddressId, choice.DeliveryMethod, paymentMethod!, CheckoutOptions.ShippingFor(choice.DeliveryMethod, subtotal), synthetic));
        session.Checkout = null;
        return (order, null);
    }

    /// <summary>Puts an order's lines back in the cart (products no longer sold are skipped); returns how many.</summary>
    public int Reorder(Order order, Cart cart)
    {
        var added = 0;
        foreach (var line in order.Lines)
            if (catalog.Find(line.Sku) is not null) { cart.Add(line.Sku, line.Quantity); added++; }
        return added;
    }
}
