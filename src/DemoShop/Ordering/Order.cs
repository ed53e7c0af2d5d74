namespace DemoShop.Ordering;

/// <summary>A placed order's line at the account's net price (excluding VAT).</summary>
public sealed record OrderLine(string Sku, string Name, int Quantity, decimal UnitPrice)
{
    public decimal Total => UnitPrice * Quantity;
}

/// <summary>
/// A placed order. <see cref="Synthetic"/> orders come from monitoring (header <c>X-Synthetic: 1</c> or a test
/// account): the back office must not ship them.
/// </summary>
public sealed record Order(
    string Number,
    string AccountEmail,
    DateTimeOffset PlacedAt,
    IReadOnlyList<OrderLine> Lines,
    string AddressId,
    string DeliveryMethod,
    string PaymentMethod,
    decimal Shipping,
    bool Synthetic)
{
    public decimal Subtotal => Lines.Sum(l => l.Total);
    public decimal TotalExclVat => Subtotal + Shipping;
    public decimal Vat => Math.Round(TotalExclVat * 0.20m, 2, MidpointRounding.AwayFromZero);
    public decimal TotalInclVat => TotalExclVat + Vat;
}

/// <summary>A quote request and its reference.</summary>
public sealed record QuoteRequest(string Reference, string Company, string Email, string Message, DateTimeOffset ReceivedAt, bool Synthetic);
