using Monitoring.Probes.Http;

namespace Monitoring.Tests.Probes.Http;

/// <summary>The <c>expect:</c> section of an http probe: what it reads, and the message for every way it can be wrong.</summary>
public sealed class HttpExpectReadingTests
{
    private const string File = HttpExpectYaml.File;

    [Fact]
    public void Reads_every_expectation()
    {
        var settings = HttpExpectYaml.Settings("""
            status: [200]
            latency: { degraded_over: 800ms, down_over: 3s }
            body_contains: [Add to cart, Price]
            body_not_contains: Exception
            body_matches: 'Price: \d+'
            json:
              - { path: $.status, equals: UP }
              - { path: $.db.latencyMs, gt: 0, lt: 200 }
              - { path: $.items.length(), not_equals: 0 }
              - { path: $.tags, contains: b2b }
              - { path: $.error, exists: false }
            headers:
              Content-Type: { contains: json }
              Cache-Control: no-store
              X-Debug: { exists: false }
            """);

        Assert.Equal(new LatencyExpectation(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(3)), settings.Latency);
        Assert.Equal(["Add to cart", "Price"], settings.Body.Contains);
        Assert.Equal(["Exception"], settings.Body.NotContains);
        Assert.Equal(@"Price: \d+", settings.Body.Matches);
        Assert.Equal(
        [
            new JsonExpectation("$.status", "equals", "UP"),
            new JsonExpectation("$.db.latencyMs", "lt", "200"),
            new JsonExpectation("$.db.latencyMs", "gt", "0"),
            new JsonExpectation("$.items.length()", "not_equals", "0"),
            new JsonExpectation("$.tags", "contains", "b2b"),
            new JsonExpectation("$.error", "exists", "false"),
        ], settings.Body.Json);
        Assert.Equal(
        [
            new HeaderExpectation("Content-Type", "contains", "json"),
            new HeaderExpectation("Cache-Control", "equals", "no-store"),
            new HeaderExpectation("X-Debug", "exists", "false"),
        ], settings.ExpectedHeaders);
    }

    public static TheoryData<string, string, LatencyExpectation> Latencies => new()
    {
        { "nothing said", "status: [200]", LatencyExpectation.None },
        { "max_latency alone, as before", "max_latency: 2s", new(null, TimeSpan.FromSeconds(2)) },
        { "a degraded threshold alone", "latency: { degraded_over: 800ms }", new(TimeSpan.FromMilliseconds(800), null) },
        { "a down threshold alone", "latency: { down_over: 3s }", new(null, TimeSpan.FromSeconds(3)) },
        {
            "max_latency with a degraded threshold", "max_latency: 2s\nlatency: { degraded_over: 1s }",
            new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))
        },
    };

    [Theory]
    [MemberData(nameof(Latencies))]
    public void Reads_latency_thresholds(string because, string expect, LatencyExpectation expected)
    {
        Assert.True(expected == HttpExpectYaml.Settings(expect).Latency, because);
    }

    [Fact]
    public void Accepts_a_single_json_condition_without_a_list()
    {
        var settings = HttpExpectYaml.Settings("json: { path: $.status, equals: UP }");

        Assert.Equal([new JsonExpectation("$.status", "equals", "UP")], settings.Body.Json);
    }

    [Fact]
    public void Has_no_body_or_header_expectations_by_default()
    {
        var settings = HttpExpectYaml.Settings("status: [200]");

        Assert.True(settings.Body.IsEmpty);
        Assert.Empty(settings.ExpectedHeaders);
    }

    public static TheoryData<string, string, string[]> BrokenExpectations => new()
    {
        {
            "max_latency and latency.down_over together",
            "max_latency: 2s\nlatency: { down_over: 3s }",
            [$"{File}:6 probes[0].expect.max_latency: max_latency is a synonym of latency.down_over: set only one of them"]
        },
        {
            "a degraded threshold not below the down threshold",
            "latency:\n  degraded_over: 3s\n  down_over: 1s",
            [$"{File}:7 probes[0].expect.latency.degraded_over: degraded_over 3s must be shorter than down_over 1s"]
        },
        {
            "a degraded threshold not below max_latency",
            "max_latency: 1s\nlatency: { degraded_over: 1s }",
            [$"{File}:7 probes[0].expect.latency.degraded_over: degraded_over 1s must be shorter than max_latency 1s"]
        },
        {
            "a threshold that is not a duration",
            "latency: { degraded_over: fast }",
            [$"{File}:6 probes[0].expect.latency.degraded_over: 'fast' is not a duration (write e.g. 500ms, 30s, 5m, 1h)"]
        },
        {
            "a misspelt threshold",
            "latency: { down_after: 3s }",
            [$"{File}:6 probes[0].expect.latency.down_after: unknown key (did you mean 'down_over'?)"]
        },
        {
            "a latency that is a single value",
            "latency: 3s",
            [$"{File}:6 probes[0].expect.latency: expected a mapping (key: value lines), found a single value"]
        },
        {
            "an invalid regular expression",
            "body_matches: 'Price: (\\d+'",
            [$"{File}:6 probes[0].expect.body_matches: 'Price: (\\d+' is not a valid regular expression (Invalid pattern 'Price: (\\d+' at offset 11. Not enough )'s.)"]
        },
        {
            "an empty text to look for",
            "body_contains: ['']",
            [$"{File}:6 probes[0].expect.body_contains[0]: an empty text is in every body: write the text to look for"]
        },
        {
            "texts given as a mapping",
            "body_not_contains: { text: Exception }",
            [$"{File}:6 probes[0].expect.body_not_contains: expected a list, found a mapping"]
        },
        {
            "an invalid JSON path",
            "json: [ { path: '$.items[', equals: 1 } ]",
            [$"{File}:6 probes[0].expect.json[0].path: '$.items[' is not a JSON path (Path ended with open indexer.)"]
        },
        {
            "a JSON condition without a path",
            "json:\n  - equals: UP",
            [$"{File}:7 probes[0].expect.json[0].path: required"]
        },
        {
            "a JSON condition without an operator",
            "json:\n  - path: $.status",
            [$"{File}:7 probes[0].expect.json[0]: no condition on the value (write one of equals, not_equals, contains, exists, lt, gt)"]
        },
        {
            "a comparison with something not a number",
            "json:\n  - { path: $.db.latencyMs, lt: fast }",
            [$"{File}:7 probes[0].expect.json[0].lt: 'fast' is not a number"]
        },
        {
            "exists that is not a boolean",
            "json:\n  - { path: $.error, exists: maybe }",
            [$"{File}:7 probes[0].expect.json[0].exists: 'maybe' is not a boolean (write true or false)"]
        },
        {
            "a misspelt JSON operator next to a good one",
            "json:\n  - { path: $.items.length(), gt: 0, lte: 10 }",
            [$"{File}:7 probes[0].expect.json[0].lte: unknown key (did you mean 'lt'?)"]
        },
        {
            "a JSON condition that is a bare path",
            "json: [ $.status ]",
            [$"{File}:6 probes[0].expect.json[0]: expected a mapping (key: value lines), found a single value"]
        },
        {
            "a header condition with an unknown operator",
            "headers:\n  Content-Type: { has: json }",
            [
                $"{File}:7 probes[0].expect.headers.Content-Type: no condition on the header (write a value, or one of equals, contains, exists)",
                $"{File}:7 probes[0].expect.headers.Content-Type.has: unknown key (known keys: contains, equals, exists)",
            ]
        },
        {
            "a header value given as a list",
            "headers:\n  Cache-Control: [no-store, private]",
            [$"{File}:7 probes[0].expect.headers.Cache-Control: expected a single value, found a list"]
        },
        {
            "a misspelt expectation",
            "body_contain: Add to cart",
            [$"{File}:6 probes[0].expect.body_contain: unknown key (did you mean 'body_contains'?)"]
        },
    };

    [Theory]
    [MemberData(nameof(BrokenExpectations))]
    public void Reports_the_file_line_path_and_problem(string because, string expect, string[] expected)
    {
        var (settings, errors) = HttpExpectYaml.Load(expect);

        Assert.Null(settings);
        Assert.True(expected.SequenceEqual(errors), $"{because}: expected\n  {string.Join("\n  ", expected)}\nbut got\n  {string.Join("\n  ", errors)}");
    }
}
