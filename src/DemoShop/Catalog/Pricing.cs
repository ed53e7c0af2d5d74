using DemoShop.Accounts;
using DemoShop.Faults;

namespace DemoShop.Catalog;

/// <summary>
/// Prices for an account: the list price when signed out, the account's net price when signed in, excluding VAT.
/// <see cref="Shown"/> is what product displays show, and is where the wrong-price fault bites; carts and orders use
/// <see cref="Unit"/>, so the fault shows up as a page disagreeing with the cart, as such bugs do.
/// </summary>
public sealed class Pricing(FaultSettings faults)
{
    public decimal Unit(ShopProduct product, ShopAccount? account) =>
        account is null ? product.ListPrice : account.NetPrice(product.ListPrice);

    public decimal Shown(ShopProduct product, ShopAccount? account) =>
        Math.Round(Unit(product, account) * faults.PriceFactor, 2, MidpointRounding.AwayFromZero);

    /// <summary><c>list</c> or <c>net</c>: which price an account sees.</summary>
    public static string Kind(ShopAccount? account) => account is null ? "list" : "net";
}
