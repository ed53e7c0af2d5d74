namespace DemoShop.Accounts;

/// <summary>A delivery address of a business account.</summary>
public sealed record DeliveryAddress(string Id, string Label, string Street, string PostalCode, string City);

/// <summary>
/// A business account that can sign in. Its price list takes <see cref="Discount"/> off list prices, so net prices
/// differ per customer. Orders of a <see cref="IsTestAccount"/> account are synthetic (monitoring probes).
/// </summary>
public sealed record ShopAccount(
    string Email,
    string Password,
    string Company,
    string Segment,
    string PriceList,
    decimal Discount,
    IReadOnlyList<DeliveryAddress> Addresses,
    bool IsTestAccount = false)
{
    /// <summary>The account's net unit price, excluding VAT, rounded to the cent.</summary>
    public decimal NetPrice(decimal listPrice) => Math.Round(listPrice * (1 - Discount), 2, MidpointRounding.AwayFromZero);
}

/// <summary>The demo accounts (all with the password <see cref="Password"/>), documented in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "demo-shop-2026";

    public static IReadOnlyList<ShopAccount> All { get; } =
    [
        new("buyer@acme-tools.example", Password, "Acme Tools SARL", "reseller", "reseller", 0.15m,
            [new("acme-lyon", "Warehouse Lyon", "12 rue des Forges", "69007", "Lyon"),
             new("acme-grenoble", "Shop Grenoble", "3 avenue Jean Jaurès", "38000", "Grenoble")]),
        new("achats@batiplus.example", Password, "BâtiPlus Construction SAS", "key account", "key-batiplus", 0.27m,
            [new("batiplus-siege", "Head office Nantes", "8 quai de la Fosse", "44000", "Nantes"),
             new("batiplus-chantier", "Site Saint-Herblain", "ZAC Ar Mor, lot 14", "44800", "Saint-Herblain")]),
        new("contact@dupont-elec.example", Password, "Dupont Électricité", "installer", "installer", 0.05m,
            [new("dupont-atelier", "Workshop", "27 chemin du Moulin", "31200", "Toulouse")]),
        new("probe@demo-shop.example", Password, "Monitoring probes", "test", "public", 0m,
            [new("probe-nowhere", "Test address (never shipped)", "1 rue du Test", "75000", "Paris")], IsTestAccount: true),
    ];
}
