using DemoShop.Ordering;

namespace DemoShop.Accounts;

/// <summary>One visitor's server-side session: who is signed in, the cart, and the checkout choices so far.</summary>
public sealed class ShopSession(string id)
{
    private readonly object _gate = new();
    private ShopAccount? _account;
    private CheckoutChoice? _checkout;

    /// <summary>The session cookie's value, also accepted as an API bearer token.</summary>
    public string Id { get; } = id;

    public Cart Cart { get; } = new();

    public ShopAccount? Account { get { lock (_gate) return _account; } set { lock (_gate) _account = value; } }

    public CheckoutChoice? Checkout { get { lock (_gate) return _checkout; } set { lock (_gate) _checkout = value; } }
}

/// <summary>The delivery step's answer: where and how to deliver.</summary>
public sealed record CheckoutChoice(string AddressId, string DeliveryMethod);
