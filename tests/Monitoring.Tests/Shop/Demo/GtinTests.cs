using Monitoring.Shop.Demo;

namespace Monitoring.Tests.Shop.Demo;

/// <summary>EAN-13 check digits, on published codes.</summary>
public sealed class GtinTests
{
    [Theory]
    [InlineData("4006381333931", true)]
    [InlineData("3017620422003", true)]
    [InlineData("5901234123457", true)]
    [InlineData("5901234123458", false)]
    [InlineData("400638133393", false)]
    [InlineData("40063813339a1", false)]
    [InlineData(null, false)]
    public void Knows_a_valid_check_digit(string? gtin, bool valid)
    {
        Assert.Equal(valid, Gtin.IsValid(gtin));
    }

    [Fact]
    public void Completes_twelve_digits_with_their_check_digit()
    {
        Assert.Equal("4006381333931", Gtin.Complete("400638133393"));
    }
}
