using Monitoring.Shop.Demo;

namespace Monitoring.Tests.Shop.Demo;

/// <summary>VAT numbers follow each country's format and check digits, on published examples and on generated ones.</summary>
public sealed class DemoVatNumbersTests
{
    [Theory]
    [InlineData("FR40303265045", true)]
    [InlineData("FR41303265045", false)]
    [InlineData("BE0403170701", true)]
    [InlineData("BE0403170702", false)]
    [InlineData("DE136695976", true)]
    [InlineData("IT00743110157", true)]
    [InlineData("LU15027442", true)]
    [InlineData("PL5260250274", true)]
    [InlineData("PT501964843", true)]
    [InlineData("NL004495445B01", true)]
    [InlineData("IE6388047V", true)]
    [InlineData("FR4030326504", false)]
    [InlineData("XX123456789", false)]
    [InlineData(null, false)]
    public void Checks_format_and_check_digits(string? vat, bool valid)
    {
        Assert.Equal(valid, DemoVatNumbers.IsValid(vat));
    }

    [Fact]
    public void Generated_numbers_are_valid_and_corrupted_ones_are_not()
    {
        var rng = new Random(1);
        foreach (var country in DemoVatNumbers.Countries)
            for (var i = 0; i < 200; i++)
            {
                var vat = DemoVatNumbers.Generate(country, rng);
                Assert.True(DemoVatNumbers.IsValid(vat), vat);
                Assert.Equal(country, DemoVatNumbers.CountryOf(vat));
                Assert.False(DemoVatNumbers.IsValid(DemoVatNumbers.Corrupt(vat, rng)), vat);
            }
    }
}
