using System.Net;
using Monitoring.Scenarios.Captures;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Tests.Scenarios;

/// <summary>Every capture kind: the value it takes, and what it says when there is none.</summary>
public sealed class CaptureTests
{
    private const string Page = """
        <html><body><form><input name="__RequestVerificationToken" type="hidden" value="tok-123"></form>
        <p class="order">Order   SO-1001 placed</p></body></html>
        """;

    private static StepAnswer Answer(string body)
    {
        var cookies = new CookieContainer();
        cookies.Add(new Cookie("session", "abc", "/", "shop.test"));
        return StepAnswer.Of(200, body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = "/checkout/payment" },
            cookies, new Uri("http://shop.test/cart"));
    }

    /// <summary>capture block, body, expected value (null: none), expected problem.</summary>
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        { "{ json: $.cart.id }", """{"cart":{"id":"c-7"}}""", "c-7", null },
        { "{ json: $.cart.lines }", """{"cart":{"lines":[1,2]}}""", "[1,2]", null },
        { "{ json: $.cart.nope }", """{"cart":{}}""", null, "json $.cart.nope: nothing there" },
        { "{ json: $.id }", "<html>", null, "json $.id: the body is not JSON" },
        { "{ regex: 'SO-(\\d+)' }", Page, "1001", null },
        { "{ regex: 'Order\\s+(?<no>SO-\\d+)', group: no }", Page, "SO-1001", null },
        { "{ regex: 'INV-\\d+' }", Page, null, "regex 'INV-\\d+': no match" },
        { "{ css: 'input[name=__RequestVerificationToken]', attribute: value }", Page, "tok-123", null },
        { "{ css: p.order }", Page, "Order SO-1001 placed", null },
        { "{ css: 'input[name=x]', attribute: value }", Page, null, "css 'input[name=x]': no element matches" },
        { "{ css: p.order, attribute: data-id }", Page, null, "css 'p.order': the element has no attribute 'data-id'" },
        { "{ header: location }", "", "/checkout/payment", null },
        { "{ header: X-Order }", "", null, "header X-Order: absent" },
        { "{ cookie: session }", "", "abc", null },
        { "{ cookie: basket }", "", null, "cookie basket: not set" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Takes_a_value_or_says_why_not(string capture, string body, string? value, string? problem)
    {
        var (node, errors) = StepYaml.Parse($"capture: {{ v: {capture} }}");
        var spec = Assert.Single(CaptureSpec.ReadAll(node));
        Assert.Empty(errors.Errors);

        var taken = spec.From.Take(Answer(body), out var why);

        Assert.Equal(value, taken);
        if (problem is null) Assert.Null(why);
        else Assert.StartsWith(problem, why);
    }

    [Theory]
    [InlineData("{ cookie: session }", true)]
    [InlineData("{ json: $.id }", false)]
    [InlineData("{ json: $.id, secret: true }", true)]
    public void Treats_cookies_and_marked_captures_as_secret(string capture, bool secret)
    {
        var (node, _) = StepYaml.Parse($"capture: {{ v: {capture} }}");

        Assert.Equal(secret, Assert.Single(CaptureSpec.ReadAll(node)).IsSecret);
    }

    [Fact]
    public void Treats_a_capture_named_like_a_credential_as_secret()
    {
        var (node, _) = StepYaml.Parse("capture: { access_token: { json: $.token } }");

        Assert.True(Assert.Single(CaptureSpec.ReadAll(node)).IsSecret);
    }
}
