using Monitoring.Scenarios;

namespace Monitoring.Tests.Scenarios;

public sealed class RedactorAndTemplateTests
{
    [Fact]
    public void Fills_every_placeholder_from_the_variables()
    {
        var filled = Template.Fill("{{base}}/cart/{{ cart_id }}?r={{run_id}}",
            new Dictionary<string, string> { ["base"] = "http://shop.test", ["cart_id"] = "c-7", ["run_id"] = "r1" }, out var missing);

        Assert.Equal("http://shop.test/cart/c-7?r=r1", filled);
        Assert.Null(missing);
    }

    [Fact]
    public void Names_the_first_placeholder_without_a_value()
    {
        Assert.Null(Template.Fill("{{a}}/{{order_id}}/{{b}}", new Dictionary<string, string> { ["a"] = "x" }, out var missing));
        Assert.Equal("order_id", missing);
    }

    [Fact]
    public void Leaves_environment_references_and_single_braces_alone() =>
        Assert.Equal(["sku"], Template.Names("${HOME} {not} {{sku}} {{ 9x }}"));

    [Fact]
    public void Blanks_a_secret_and_its_encoded_forms()
    {
        var redactor = new Redactor();
        redactor.Add("p&ss word");

        var text = redactor.Redact("sent p&ss word, echoed p&amp;ss word, posted p%26ss%20word");

        Assert.Equal("sent ***, echoed ***, posted ***", text);
    }

    [Fact]
    public void Blanks_the_longest_secret_first()
    {
        var redactor = new Redactor();
        redactor.Add("abc");
        redactor.Add("abcdef");

        Assert.Equal("*** and ***", redactor.Redact("abcdef and abc"));
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("Passwort", true)]
    [InlineData("__RequestVerificationToken", true)]
    [InlineData("Authorization", true)]
    [InlineData("Cookie", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("email", false)]
    [InlineData("sku", false)]
    public void Knows_credential_like_names(string name, bool secret) => Assert.Equal(secret, Redactor.IsSecretName(name));
}
