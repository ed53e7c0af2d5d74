using Monitoring.Quality.Validators;

namespace Monitoring.Tests.Quality.Validators;

public class TextValidatorTests
{
    [Theory]
    [InlineData("marie.dupont@example.fr", null)]
    [InlineData("a+tag@sub.example.co.uk", null)]
    [InlineData("achats@bäckerei-müller.de", null)]           // IDN domain, converted with IDNA
    [InlineData("jürgen@example.de", null)]                    // SMTPUTF8 local part
    [InlineData("marie.dupontexample.fr", "no @")]
    [InlineData("marie dupont@example.fr", "contains a space")]
    [InlineData("marie@example", "the domain has no dot")]
    [InlineData("marie@@example.fr", "more than one @")]
    [InlineData(".marie@example.fr", "misplaced dot before @")]
    [InlineData("marie@-example.fr", "'-example' is not a valid domain part")]
    [InlineData("marie@example.f", "'f' is not a top-level domain")]
    [InlineData("marie@", "no domain")]
    public void Checks_email_syntax(string email, string? error) => Assert.Equal(error, EmailValidator.Error(email));

    [Fact]
    public void Refuses_an_internationalised_address_when_idn_is_off() =>
        Assert.Equal("the domain is not ASCII", EmailValidator.Error("achats@bäckerei.de", allowIdn: false));

    [Theory]
    [InlineData("75008", "FR", true)]
    [InlineData("7500", "FR", false)]
    [InlineData("1000", "BE", true)]
    [InlineData("0999", "BE", false)]
    [InlineData("10115", "DE", true)]
    [InlineData("1011", "DE", false)]
    [InlineData("28013", "ES", true)]
    [InlineData("53001", "ES", false)]   // no province 53
    [InlineData("00184", "IT", true)]
    [InlineData("1012 AB", "NL", true)]
    [InlineData("1012AB", "NL", true)]
    [InlineData("1012 SA", "NL", false)]  // SA, SD and SS are never issued
    [InlineData("L-1009", "LU", true)]
    [InlineData("1009", "LU", true)]
    [InlineData("1100-148", "PT", true)]
    [InlineData("1100", "PT", false)]
    [InlineData("1010", "AT", true)]
    [InlineData("D02 X285", "IE", true)]
    [InlineData("D6W 1234", "IE", true)]
    [InlineData("B02 X285", "IE", false)]
    [InlineData("00-950", "PL", true)]
    [InlineData("00950", "PL", false)]
    [InlineData("SW1A 1AA", "GB", true)]  // generic fallback
    [InlineData("#12", "CH", false)]
    [InlineData("8001", null, true)]
    public void Checks_postcodes_per_country(string postcode, string? country, bool valid) =>
        Assert.Equal(valid, PostcodeValidator.Error(postcode, country) is null);

    [Theory]
    [InlineData("Dupont S.A.R.L.", "dupont")]
    [InlineData("DUPONT sarl", "dupont")]
    [InlineData("Bäckerei Müller GmbH & Co. KG", "backerei muller")]
    [InlineData("Construcciones García, S.L.", "construcciones garcia")]
    [InlineData("Van Dijk B.V.", "van dijk")]
    [InlineData("Kowalski Sp. z o.o.", "kowalski")]
    [InlineData("SA", "sa")]
    public void Normalises_company_names(string name, string expected) => Assert.Equal(expected, CompanyName.Normalise(name));

    [Theory]
    [InlineData("<p>Perceuse <b>sans fil</b></p>", "Perceuse sans fil")]
    [InlineData("Vis &amp; chevilles", "Vis & chevilles")]
    [InlineData("<p>Texte<script>alert(1)</script></p>", "Texte")]
    [InlineData("  plain   text ", "plain text")]
    public void Strips_html_to_visible_text(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.Strip(html));
        Assert.Equal(expected.Length, HtmlText.VisibleLength(html));
    }

    // Markup the length rule reads without the parser must read exactly as the parser reads it: both paths are checked
    // against the same hand-computed text (the parser joins top-level nodes with a space, not list items).
    [Theory]
    [InlineData("<p>Perceuse sans fil</p><ul><li>perceuse</li><li>Bosch</li></ul>", "Perceuse sans fil perceuseBosch", true)]
    [InlineData("<p>Perceuse <b>sans fil</b></p>", "Perceuse sans fil", true)]
    [InlineData("a<br>b", "a b", true)]
    [InlineData("<b>gras</b>suite", "gras suite", true)]
    [InlineData("<ul><li>a<ul><li>b</li></ul></li></ul>", "ab", true)]
    [InlineData("<p>a<p>b", "a b", false)]
    [InlineData("<P>Majuscules</P>", "Majuscules", false)]
    [InlineData("<p class=\"x\">avec attribut</p>", "avec attribut", false)]
    [InlineData("<p>Vis &amp; chevilles</p>", "Vis & chevilles", false)]
    [InlineData("<p>  deux   espaces </p>\n<p>\tpuis</p>", "deux espaces puis", true)]
    [InlineData(" <br/> a <b> </b> b", "a b", true)]
    [InlineData("</p>", "", false)]
    [InlineData("<x>a</x>", "a", false)]
    [InlineData("a</br>b", "a b", false)]
    public void Simple_markup_reads_as_the_parser_reads_it(string html, string expected, bool simple)
    {
        Assert.Equal(expected, HtmlText.Strip(html));
        Assert.Equal(expected, HtmlText.StripWithParser(html));
        Assert.Equal(expected.Length, HtmlText.VisibleLength(html));
        Assert.Equal(simple, HtmlText.SimpleMarkup(html) is not null);
    }

    // Nesting deeper than the fast path keeps open on its stack is read by the parser, with the same text.
    [Fact]
    public void Deeply_nested_simple_markup_reads_as_the_parser_reads_it()
    {
        var html = "<p>" + string.Concat(Enumerable.Repeat("<span>", 40)) + "tout  au fond" + string.Concat(Enumerable.Repeat("</span>", 40)) + "</p>";
        Assert.Null(HtmlText.SimpleMarkup(html));
        Assert.Equal("tout au fond", HtmlText.Strip(html));
        Assert.Equal("tout au fond".Length, HtmlText.VisibleLength(html));
        var shallow = "<p>" + string.Concat(Enumerable.Repeat("<span>", 20)) + "a  b" + string.Concat(Enumerable.Repeat("</span>", 20)) + "</p>";
        Assert.Equal("a  b ", HtmlText.SimpleMarkup(shallow));
        Assert.Equal(3, HtmlText.VisibleLength(shallow));
    }
}
