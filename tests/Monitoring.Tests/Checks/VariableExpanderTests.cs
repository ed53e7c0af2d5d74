using Monitoring.Checks;

namespace Monitoring.Tests.Checks;

public sealed class VariableExpanderTests
{
    private static readonly VariableExpander Expander = new(name => name switch
    {
        "HOST" => "shop.test",
        "EMPTY" => "",
        _ => null,
    });

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("https://${HOST}/", "https://shop.test/")]
    [InlineData("${HOST}${HOST}", "shop.testshop.test")]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${MISSING:-}", "")]
    [InlineData("$${HOST}", "${HOST}")]
    [InlineData("cost: 5$", "cost: 5$")]
    public void Expands(string text, string expected)
    {
        Assert.Equal(expected, Expander.Expand(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("${MISSING}", "environment variable 'MISSING' is not set (write ${MISSING:-default} to give a default)")]
    [InlineData("${HOST", "unclosed '${' in '${HOST'")]
    [InlineData("${1BAD}", "'${1BAD}' is not a valid variable reference (expected ${NAME} or ${NAME:-default})")]
    public void Explains_what_is_wrong(string text, string expected)
    {
        Assert.Null(Expander.Expand(text, out var error));
        Assert.Equal(expected, error);
    }
}
