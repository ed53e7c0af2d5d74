using Monitoring.Checks.Yaml;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Newtonsoft.Json.Linq;

namespace Monitoring.Scenarios.Steps;

/// <summary>
/// What a step's answer must look like, from <c>expect:</c>. The keys are those of an <c>http</c> probe's expect
/// (<c>status</c>, <c>body_contains</c>, <c>body_not_contains</c>, <c>body_matches</c>, <c>json</c>, <c>headers</c>,
/// <c>latency</c>, <c>max_latency</c>) plus <c>html</c> (CSS selectors), so that a probe and a step read the same.
/// Expected values may hold <c>{{name}}</c>, filled when the step runs.
/// </summary>
public sealed class StepExpectations
{
    public static StepExpectations Default { get; } = new();

    /// <summary>Accepted statuses; any 2xx by default.</summary>
    public IReadOnlyList<StatusExpectation> Status { get; init; } = [StatusExpectation.Class(2)];

    public LatencyExpectation Latency { get; init; } = LatencyExpectation.None;

    public HttpBodyExpectations Body { get; init; } = HttpBodyExpectations.None;

    public IReadOnlyList<HeaderExpectation> Headers { get; init; } = [];

    public IReadOnlyList<HtmlExpectation> Html { get; init; } = [];

    /// <summary>Every expected text, for checking at load time that its placeholders can be filled.</summary>
    public IEnumerable<string> Templates =>
        Body.Contains.Concat(Body.NotContains).Concat(Body.Json.Select(j => j.Expected))
            .Concat(Headers.Select(h => h.Expected)).Concat(Html.Select(h => h.Expected));

    /// <summary>Every unmet expectation: the status first (the rest rarely means anything on a wrong status), then the
    /// latency, the body, the headers, the HTML, and for a GraphQL request the <c>errors</c> a GraphQL server answers
    /// with a 200. Expected values are filled by <paramref name="fill"/>.</summary>
    public IReadOnlyList<HttpFinding> Check(StepAnswer answer, Func<string, string> fill, bool graphQl)
    {
        if (!Status.Any(s => s.Matches(answer.Status)))
            return [new($"HTTP {answer.Status} (expected {string.Join(" or ", Status)})", FailureClass.HttpStatus)];

        var findings = new List<HttpFinding>();
        if (Latency.Check(answer.Http.Latency) is { } slow) findings.Add(slow);
        var body = new HttpBodyExpectations
        {
            Contains = Body.Contains.Select(fill).ToList(),
            NotContains = Body.NotContains.Select(fill).ToList(),
            Matches = Body.Matches,
            Json = Body.Json.Select(j => j with { Expected = fill(j.Expected) }).ToList(),
        };
        findings.AddRange(body.Check(answer.Http.Body));
        findings.AddRange(Headers.Select(h => (h with { Expected = fill(h.Expected) }).Check(answer.Http.Headers))
            .OfType<string>().Select(Assertion));
        findings.AddRange(Html.Select(h => (h with { Expected = fill(h.Expected) }).Check(answer)).OfType<string>().Select(Assertion));
        if (graphQl && GraphQlErrors(answer) is { } errors) findings.Add(Assertion(errors));
        return findings;
    }

    private static HttpFinding Assertion(string message) => new(message, FailureClass.Assertion);

    private static string? GraphQlErrors(StepAnswer answer)
    {
        if (answer.Json(out _)?.SelectToken("$.errors") is not JArray { Count: > 0 } errors) return null;
        var first = errors[0].SelectToken("message")?.ToString() ?? errors[0].ToString(Newtonsoft.Json.Formatting.None);
        return $"graphql: {errors.Count} error(s), first: '{first}'";
    }

    public static StepExpectations Read(ConfigNode step)
    {
        var expect = step.Child("expect");
        if (expect is null || !expect.ExpectMapping()) return Default;
        var statuses = expect.Items("status").Select(StatusExpectation.Read).OfType<StatusExpectation>().ToList();
        var html = expect.Child("html");
        IReadOnlyList<ConfigNode> htmlItems = html is null ? [] : html.IsMapping ? [html] : html.AsItems();
        var expectations = new StepExpectations
        {
            Status = statuses.Count > 0 ? statuses : Default.Status,
            Latency = LatencyExpectation.Read(expect),
            Body = HttpBodyExpectations.Read(expect),
            Headers = HeaderExpectation.ReadAll(expect),
            Html = htmlItems.SelectMany(HtmlExpectation.Read).ToList(),
        };
        expect.RejectUnknownKeys();
        return expectations;
    }
}
