namespace DemoShop.Faults;

/// <summary>
/// The steps of the buying path a fault can target. Each endpoint carries the steps it belongs to as metadata
/// (<see cref="StepMetadata"/>); API endpoints belong to <see cref="Api"/> and to the step they mirror.
/// </summary>
public static class ShopSteps
{
    public const string Home = "home", Search = "search", Category = "category", Product = "product", Login = "login",
        Cart = "cart", AddToCart = "add_to_cart", Delivery = "delivery", Payment = "payment", PlaceOrder = "place_order",
        Orders = "orders", Quote = "quote", Api = "api";

    public static IReadOnlyList<string> All { get; } =
        [Home, Search, Category, Product, Login, Cart, AddToCart, Delivery, Payment, PlaceOrder, Orders, Quote, Api];
}

/// <summary>Endpoint metadata: the steps an endpoint belongs to.</summary>
public sealed record StepMetadata(IReadOnlyList<string> Steps);

public static class StepEndpointExtensions
{
    /// <summary>Marks an endpoint as part of these steps, so step faults apply to it.</summary>
    public static TBuilder Step<TBuilder>(this TBuilder builder, params string[] steps) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new StepMetadata(steps));
}
