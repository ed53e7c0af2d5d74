using Monitoring.Quality;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality.Rules;

/// <summary>The kinds that validate identifiers against an outside standard: VAT, GTIN, e-mail, phone, postcode.</summary>
public class IdentityRuleTests
{
    private static QualityRecord Address(string kind, string country) => Record("address", $"{kind}-{country}", ("kind", kind), ("country", country));

    [Theory]
    [InlineData("FR23334175221", "FR", Expect.Pass)]
    [InlineData("FR 23 334 175 221", "FR", Expect.Pass)]
    [InlineData("EL094259216", "GR", Expect.Pass)]             // Greece's prefix is EL
    [InlineData("XI980780684", "GB", Expect.Pass)]             // Northern Ireland
    [InlineData("FR23334175222", "FR", Expect.Fail)]           // wrong key
    [InlineData("DE136695976", "FR", Expect.Fail)]             // valid, but of another country
    [InlineData("GR094259216", "GR", Expect.Fail)]
    [InlineData("CHE-123.456.788", "CH", Expect.NotApplicable)] // not an EU company
    [InlineData(null, "FR", Expect.NotApplicable)]
    public void Vat_number_checks_format_checksum_and_country(string? vat, string country, Expect expected) =>
        Assert1(Rule("account", "kind: vat_number\ncheck_delivery: false"), Account(("vat_number", vat), ("country", country)), expected);

    [Fact]
    public void Vat_number_flags_a_delivery_address_in_another_country()
    {
        var rule = Rule("account", "kind: vat_number");
        var account = Account(("vat_number", "FR23334175221"), ("country", "FR")) with
        {
            Addresses = [Address("billing", "FR"), Address("delivery", "FR"), Address("delivery", "DE")],
        };
        var check = Assert1(rule, account, Expect.Fail);
        Assert.Equal("VAT number 'FR23334175221': a delivery address is in DE, the VAT number is of FR", check!.Finding!.Message);
        Assert1(rule, account with { Addresses = [Address("billing", "DE"), Address("delivery", "FR")] }, Expect.Pass);
    }

    [Theory]
    [InlineData("4006381333931", "", Expect.Pass)]
    [InlineData("4006381333932", "", Expect.Fail)]
    [InlineData("2001234567893", "", Expect.Fail)]                          // in-store number
    [InlineData("2001234567893", "reject_restricted: false", Expect.Pass)]
    [InlineData("9781234567897", "", Expect.Fail)]                          // an ISBN on a non-book
    [InlineData("9781234567897", "allow_books: true", Expect.Pass)]
    [InlineData(null, "", Expect.NotApplicable)]
    public void Gtin_rule_checks_digits_and_prefix(string? gtin, string settings, Expect expected) =>
        Assert1(Rule("product", "kind: gtin\n" + settings), Product(("gtin", gtin)), expected);

    [Fact]
    public void Gtin_finding_quotes_the_value_and_the_reason()
    {
        var check = Assert1(Rule("product", "kind: gtin"), Product(("gtin", "4006381333932")), Expect.Fail);
        Assert.Equal("GTIN '4006381333932' is not valid: check digit should be 1", check!.Finding!.Message);
        Assert.Equal("4006381333932", check.Finding.Value);
    }

    [Theory]
    [InlineData("marie.dupont@example.fr", Expect.Pass)]
    [InlineData("marie.dupont@example", Expect.Fail)]
    [InlineData("marie dupont@example.fr", Expect.Fail)]
    [InlineData(null, Expect.NotApplicable)]
    public void Email_rule_checks_syntax(string? email, Expect expected) =>
        Assert1(Rule("contact", "kind: email"), Contact(("email", email)), expected);

    // Numbers in national or international form, judged by libphonenumber's metadata for the region.
    [Theory]
    [InlineData("01 42 68 53 00", "FR", Expect.Pass)]     // Paris landline
    [InlineData("+33 6 12 34 56 78", "FR", Expect.Pass)]  // French mobile
    [InlineData("01 42 68 53", "FR", Expect.Fail)]        // too short
    [InlineData("+33 1 42 68 53 00 00", "FR", Expect.Fail)]
    [InlineData("030 901820", "DE", Expect.Pass)]         // Berlin
    [InlineData("+49 1512 3456789", "DE", Expect.Pass)]   // German mobile
    [InlineData("+49 12", "DE", Expect.Fail)]
    [InlineData("02 555 12 12", "BE", Expect.Pass)]       // Brussels
    [InlineData("+32 4 12", "BE", Expect.Fail)]
    [InlineData("912 345 678", "ES", Expect.Pass)]        // Madrid
    [InlineData("+34 612 34 56 78", "ES", Expect.Pass)]
    [InlineData("123", "ES", Expect.Fail)]
    [InlineData("06 6982 0000", "IT", Expect.Pass)]       // Rome
    [InlineData("not a number", "IT", Expect.Fail)]
    public void Phone_rule_uses_libphonenumber(string phone, string country, Expect expected) =>
        Assert1(Rule("contact", "kind: phone"), Contact(("phone", phone)) with { Owner = Account(("country", country)) }, expected);

    [Fact]
    public void Phone_rule_reads_a_national_number_in_the_default_region()
    {
        Assert1(Rule("contact", "kind: phone\ndefault_region: FR"), Contact(("phone", "01 42 68 53 00")), Expect.Pass);
        var check = Assert1(Rule("contact", "kind: phone"), Contact(("phone", "01 42 68 53 00")), Expect.Fail);
        Assert.Contains("no country code", check!.Finding!.Message);
    }

    [Theory]
    [InlineData("75008", "FR", Expect.Pass)]
    [InlineData("7508", "FR", Expect.Fail)]
    [InlineData("1012 AB", "NL", Expect.Pass)]
    [InlineData(null, "NL", Expect.NotApplicable)]
    public void Postcode_rule_reads_the_country_of_the_address(string? postcode, string country, Expect expected) =>
        Assert1(Rule("address", "kind: postcode"), Record("address", "AD-1", ("postcode", postcode), ("country", country)), expected);
}
