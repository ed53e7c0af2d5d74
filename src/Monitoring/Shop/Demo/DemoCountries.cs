namespace Monitoring.Shop.Demo;

/// <summary>A country the shop sells to, with what its customers' data looks like there.</summary>
/// <param name="Share">Share of accounts.</param>
/// <param name="VatRate">Standard VAT rate, as a fraction.</param>
/// <param name="Locale">The Bogus locale for company, person, street and city names.</param>
/// <param name="Phone">A phone number pattern (<c>#</c> a digit).</param>
/// <param name="Postcode">A postcode pattern (<c>#</c> a digit, <c>?</c> a capital letter).</param>
/// <param name="LegalForms">Company legal forms appended to names.</param>
/// <param name="Tld">The usual top-level domain of company e-mails.</param>
internal sealed record DemoCountry(string Code, double Share, decimal VatRate, string Locale, string Phone, string Postcode,
    string[] LegalForms, string Tld);

internal static class DemoCountries
{
    public const string Home = "FR";

    public static IReadOnlyList<DemoCountry> All { get; } =
    [
        new("FR", 0.62, 0.20m, "fr", "+33 6 ## ## ## ##", "#####", ["SAS", "SARL", "SA", "EURL"], "fr"),
        new("BE", 0.09, 0.21m, "nl_BE", "+32 4## ## ## ##", "####", ["SRL", "SA", "BV", "NV"], "be"),
        new("DE", 0.06, 0.19m, "de", "+49 ### #######", "#####", ["GmbH", "AG", "KG"], "de"),
        new("ES", 0.05, 0.21m, "es", "+34 6## ### ###", "#####", ["SL", "SA"], "es"),
        new("IT", 0.04, 0.22m, "it", "+39 3## ### ####", "#####", ["Srl", "SpA"], "it"),
        new("NL", 0.04, 0.21m, "nl", "+31 6 #### ####", "#### ??", ["BV", "NV"], "nl"),
        new("LU", 0.02, 0.17m, "fr", "+352 621 ### ###", "L-####", ["SARL", "SA"], "lu"),
        new("PT", 0.02, 0.23m, "pt_PT", "+351 9## ### ###", "####-###", ["Lda", "SA"], "pt"),
        new("AT", 0.02, 0.20m, "de_AT", "+43 664 #######", "####", ["GmbH", "AG"], "at"),
        new("IE", 0.015, 0.23m, "en_GB", "+353 8# ### ####", "D## ?#?#", ["Ltd", "DAC"], "ie"),
        new("PL", 0.025, 0.23m, "pl", "+48 5## ### ###", "##-###", ["sp. z o.o.", "SA"], "pl"),
    ];

    private static readonly Dictionary<string, DemoCountry> ByCode = All.ToDictionary(c => c.Code);

    public static DemoCountry Get(string code) => ByCode[code];

    /// <summary>
    /// The VAT rate an order of that country carries: 0 (reverse charge) for a business elsewhere in the EU with a
    /// valid VAT number of its own country, else the country's standard rate.
    /// </summary>
    public static decimal OrderVatRate(string country, string? vatNumber) =>
        country != Home && DemoVatNumbers.IsValid(vatNumber) && DemoVatNumbers.CountryOf(vatNumber) == country
            ? 0m
            : Get(country).VatRate;
}
