using Monitoring.Quality.Validators;
using static Monitoring.Quality.Validators.GtinValidator;

namespace Monitoring.Tests.Quality.Validators;

public class GtinValidatorTests
{
    // Vectors verified against python-stdnum's ean module (research §1.7), and the Wikipedia GTIN-14 example.
    [Theory]
    [InlineData("73513537", null)]                      // GTIN-8
    [InlineData("036000291452", null)]                  // GTIN-12 (UPC-A)
    [InlineData("4006381333931", null)]                 // GTIN-13 (EAN)
    [InlineData("98412345678908", null)]                // GTIN-14
    [InlineData("10012345678902", null)]                // GTIN-14 with packaging indicator 1
    [InlineData("73513538", "check digit should be 7")]
    [InlineData("036000291453", "check digit should be 2")]
    [InlineData("4006381333932", "check digit should be 1")]
    [InlineData("98412345678909", "check digit should be 8")]
    [InlineData("400638133393", "check digit should be 0")]          // a 12-digit number read as UPC-A
    [InlineData("40063813339", "11 digits, a GTIN has 8, 12, 13 or 14")]
    [InlineData("400638133393X", "only digits are allowed")]
    [InlineData("0000000000000", "all zeros")]
    public void Checks_length_and_check_digit(string gtin, string? error) => Assert.Equal(error, FormatError(gtin));

    [Theory]
    [InlineData("4006381333931", PrefixClass.Product)]
    [InlineData("2001234567893", PrefixClass.Restricted)]   // 200–299: in-store numbers
    [InlineData("0212345678909", PrefixClass.Restricted)]   // 020–029
    [InlineData("0412345678903", PrefixClass.Restricted)]   // 040–049
    [InlineData("9771234567003", PrefixClass.Issn)]
    [InlineData("9781234567897", PrefixClass.Isbn)]
    [InlineData("9791234567896", PrefixClass.Isbn)]
    [InlineData("9801234567892", PrefixClass.Refund)]
    [InlineData("9811234567891", PrefixClass.Coupon)]
    [InlineData("9912345678909", PrefixClass.Coupon)]
    [InlineData("512345678900", PrefixClass.Coupon)]        // UPC number system 5 = 05… on the 13-digit form
    [InlineData("212345678992", PrefixClass.Restricted)]    // UPC number system 2 = 02… on the 13-digit form
    [InlineData("20123451", PrefixClass.Restricted)]        // RCN-8
    [InlineData("12012345678900", PrefixClass.Restricted)]  // GTIN-14: the indicator is skipped
    public void Classifies_the_prefix(string gtin, PrefixClass expected) => Assert.Equal(expected, Classify(gtin));

    [Theory]
    [InlineData("400-6381-333931", "4006381333931")]
    [InlineData(" 4006381 333931 ", "4006381333931")]
    [InlineData("  ", null)]
    public void Normalises_spaces_and_dashes(string text, string? expected) => Assert.Equal(expected, Normalise(text));

    [Fact]
    public void Agrees_with_the_demo_generator_on_ean13()
    {
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var first12 = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + rng.Next(10))));
            var gtin = Monitoring.Shop.Demo.Gtin.Complete(first12);
            Assert.True(GtinValidator.IsValid(gtin), gtin);
        }
    }
}
