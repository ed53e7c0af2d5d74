namespace DemoShop.Ordering;

/// <summary>A way to pay, with its stable code (the <c>data-method</c> attribute and the API's value).</summary>
public sealed record PaymentMethod(string Code, string Label);

/// <summary>A way to deliver and what it costs, excluding VAT.</summary>
public sealed record DeliveryMethod(string Code, string Label, decimal Price);

/// <summary>What the checkout offers.</summary>
public static class CheckoutOptions
{
    public static IReadOnlyList<PaymentMethod> PaymentMethods { get; } =
    [
        new("card", "Credit card"),
        new("bank_transfer_30", "Bank transfer, 30 days end of month"),
        new("direct_debit", "SEPA direct debit"),
    ];

    public static IReadOnlyList<DeliveryMethod> DeliveryMethods { get; } =
    [
        new("standard", "Standard delivery, 48 h", 12.90m),
        new("express", "Express delivery, next working day before 1 pm", 24.90m),
        new("pickup", "Pick-up at the Lyon warehouse", 0m),
    ];

    /// <summary>Orders at or above this subtotal (excl. VAT) ship standard for free.</summary>
    public const decimal FreeShippingFrom = 300m;

    public static decimal ShippingFor(string method, decimal subtotal) =>
        method == "standard" && subtotal >= FreeShippingFrom ? 0m
        : DeliveryMethods.FirstOrDefault(d => d.Code == method)?.Price ?? 0m;
}
