using Monitoring.Probes;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Tests.Scenarios;

/// <summary>Every assertion kind of a step, on one table: the expect block, the answer, and what the step reports.</summary>
public sealed class StepExpectationsTests
{
    private const string Page = """
        <html><body><h1> Payment </h1><ul><li class="line">A</li><li class="line">B</li></ul>
        <form id="pay"><input name="__RequestVerificationToken" type="hidden" value="tok-123"></form></body></html>
        """;

    private const string Json = """{"status":"UP","cart":{"id":"c-7","lines":2},"errors":null}""";

    private static readonly Dictionary<string, string> Variables = new() { ["cart_id"] = "c-7" };

    /// <summary>expect block, body, status, expected message (null: passes).</summary>
    public static TheoryData<string, string, int, string?> Cases => new()
    {
        { "status: 200", Json, 200, null },
        { "status: 200", Json, 500, "HTTP 500 (expected 200)" },
        { "status: [200, 3xx]", Json, 302, null },
        { "{}", Json, 404, "HTTP 404 (expected 2xx)" },
        { "body_contains: UP", Json, 200, null },
        { "body_contains: DOWN", Json, 200, "body: expected to contain 'DOWN', not found" },
        { "body_not_contains: UP", Json, 200, "body: expected not to contain 'UP', found" },
        { "body_matches: 'c-\\d+'", Json, 200, null },
        { "body_matches: 'x-\\d+'", Json, 200, "body: expected to match 'x-\\d+', no match" },
        { "json: { path: $.status, equals: UP }", Json, 200, null },
        { "json: { path: $.status, equals: DOWN }", Json, 200, "json $.status: expected 'DOWN', got 'UP'" },
        { "json: { path: $.cart.id, equals: '{{cart_id}}' }", Json, 200, null },
        { "json: { path: $.cart.total, exists: true }", Json, 200, "json $.cart.total: expected to exist, not found" },
        { "json: { path: $.cart.lines, gt: 1 }", Json, 200, null },
        { "html: { css: h1, text: Payment }", Page, 200, null },
        { "html: { css: h1, text: Cart }", Page, 200, "html 'h1': expected text 'Cart', got 'Payment'" },
        { "html: { css: h1, contains: Pay }", Page, 200, null },
        { "html: { css: 'form#pay' }", Page, 200, null },
        { "html: { css: '.error', exists: false }", Page, 200, null },
        { "html: { css: 'form#login' }", Page, 200, "html 'form#login': expected an element, none matches" },
        { "html: { css: li.line, count: 3 }", Page, 200, "html 'li.line': expected 3 element(s), found 2" },
        { "headers: { Content-Type: { contains: json } }", Json, 200, null },
        { "headers: { X-Cart: '{{cart_id}}' }", Json, 200, "header X-Cart: expected 'c-7', got nothing (header absent)" },
        { "max_latency: 100ms", Json, 200, "latency: expected at most 100ms, took 250ms" },
        { "latency: { degraded_over: 200ms }", Json, 200, "latency: 250ms is over the degraded threshold 200ms" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks_each_assertion_kind(string expect, string body, int status, string? expected)
    {
        var (node, errors) = StepYaml.Parse("expect: " + (expect.StartsWith('{') ? expect : "{ " + expect + " }"));
        var expectations = StepExpectations.Read(node);
        Assert.Empty(errors.Errors);
        var answer = StepAnswer.Of(status, body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = body == Json ? "application/json" : "text/html",
        }, latency: TimeSpan.FromMilliseconds(250));

        var findings = expectations.Check(answer, text => Monitoring.Scenarios.Template.Fill(text, Variables, out _) ?? text, graphQl: false);

        if (expected is null) Assert.Empty(findings);
        else Assert.StartsWith(expected, Assert.Single(findings).Message);
    }

    [Fact]
    public void Fails_a_graphql_answer_that_carries_errors_with_a_200()
    {
        var answer = StepAnswer.Of(200, """{"data":null,"errors":[{"message":"Unknown field 'prise'"}]}""");

        var finding = Assert.Single(StepExpectations.Default.Check(answer, t => t, graphQl: true));

        Assert.Equal("graphql: 1 error(s), first: 'Unknown field 'prise''", finding.Message);
        Assert.Equal(FailureClass.Assertion, finding.Class);
    }

    [Fact]
    public void Reports_only_the_status_when_it_is_wrong()
    {
        var (node, _) = StepYaml.Parse("expect: { status: 200, body_contains: Payment }");

        var finding = Assert.Single(StepExpectations.Read(node).Check(StepAnswer.Of(500, "oops"), t => t, graphQl: false));

        Assert.Equal(("HTTP 500 (expected 200)", FailureClass.HttpStatus), (finding.Message, finding.Class));
    }
}
