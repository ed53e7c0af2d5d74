using System.Text.Json;
using Monitoring.Probes;
using Monitoring.Probes.Http;

namespace Monitoring.Tests.Probes.Http;

public sealed class HttpProbeSettingsTests
{
    private static HttpProbeSettings Settings(TimeSpan? maxLatency = null, params StatusExpectation[] statuses) => new()
    {
        Url = new Uri("http://shop.test/"),
        ExpectedStatus = statuses.Length == 0 ? [StatusExpectation.Class(2)] : statuses,
        MaxLatency = maxLatency,
    };

    private static HttpProbeSettings Graded(int degradedMs, int downMs) => new()
    {
        Url = new Uri("http://shop.test/"),
        Latency = new LatencyExpectation(TimeSpan.FromMilliseconds(degradedMs), TimeSpan.FromMilliseconds(downMs)),
    };

    public static TheoryData<string, HttpProbeSettings, int, int, string[]> Cases => new()
    {
        { "a 200 answered fast", Settings(TimeSpan.FromSeconds(2)), 200, 120, [] },
        { "any 2xx by default", Settings(), 204, 50, [] },
        { "a 500", Settings(), 500, 40, ["status: expected 2xx, got 500"] },
        { "a redirect when only 200 is accepted", Settings(null, StatusExpectation.Exact(200)), 302, 40, ["status: expected 200, got 302"] },
        { "one of several accepted", Settings(null, StatusExpectation.Exact(200), StatusExpectation.Class(3)), 301, 40, [] },
        { "too slow", Settings(TimeSpan.FromSeconds(2)), 200, 2350, ["latency: expected at most 2s, took 2.35s"] },
        {
            "wrong and slow at once", Settings(TimeSpan.FromMilliseconds(500), StatusExpectation.Exact(200)), 503, 900,
            ["status: expected 200, got 503", "latency: expected at most 500ms, took 900ms"]
        },
        { "under the degraded threshold", Graded(800, 3000), 200, 700, [] },
        { "exactly at the degraded threshold", Graded(800, 3000), 200, 800, [] },
        { "over the degraded threshold", Graded(800, 3000), 200, 1200, ["latency: 1.2s is over the degraded threshold 800ms"] },
        { "over the down threshold", Graded(800, 3000), 200, 3200, ["latency: expected at most 3s, took 3.2s"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Says_what_was_expected_and_what_came(string because, HttpProbeSettings settings, int status, int latencyMs, string[] expected)
    {
        var findings = settings.Check(HttpAnswer.Of(status, TimeSpan.FromMilliseconds(latencyMs)));

        Assert.True(expected.SequenceEqual(findings.Select(f => f.Message)),
            $"{because}: got [{string.Join(" | ", findings.Select(f => f.Message))}]");
    }

    public static TheoryData<string, int, int, FailureClass, bool> Classes => new()
    {
        { "a wrong status fails the run", 500, 100, FailureClass.HttpStatus, true },
        { "past the degraded threshold only degrades it", 200, 1200, FailureClass.Latency, false },
        { "past the down threshold fails it", 200, 3200, FailureClass.Latency, true },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void Classifies_each_finding(string because, int status, int latencyMs, FailureClass failure, bool isDown)
    {
        var finding = Assert.Single(Graded(800, 3000).Check(HttpAnswer.Of(status, TimeSpan.FromMilliseconds(latencyMs))));

        Assert.True((failure, isDown) == (finding.Class, finding.IsDown), $"{because}: got {finding}");
    }

    [Fact]
    public void Checks_status_latency_body_and_headers_together_in_that_order()
    {
        var settings = new HttpProbeSettings
        {
            Url = new Uri("http://shop.test/"),
            ExpectedStatus = [StatusExpectation.Exact(200)],
            MaxLatency = TimeSpan.FromSeconds(1),
            Body = new HttpBodyExpectations { Contains = ["Add to cart"] },
            ExpectedHeaders = [new HeaderExpectation("Content-Type", "contains", "html")],
        };
        var answer = HttpAnswer.Of(503, TimeSpan.FromSeconds(2), "Service unavailable",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["content-type"] = "text/plain" });

        var findings = settings.Check(answer);

        Assert.Equal(
        [
            "status: expected 200, got 503",
            "latency: expected at most 1s, took 2s",
            "body: expected to contain 'Add to cart', not found (body 19 bytes)",
            "header Content-Type: expected to contain 'html', got 'text/plain'",
        ], findings.Select(f => f.Message));
        Assert.Equal([FailureClass.HttpStatus, FailureClass.Latency, FailureClass.Assertion, FailureClass.Assertion],
            findings.Select(f => f.Class));
    }

    [Fact]
    public void Max_latency_is_the_down_threshold()
    {
        var settings = new HttpProbeSettings { Url = new Uri("http://shop.test/"), MaxLatency = TimeSpan.FromSeconds(2) };

        Assert.Equal(new LatencyExpectation(null, TimeSpan.FromSeconds(2)), settings.Latency);
    }

    [Fact]
    public void Target_never_shows_the_query_string()
    {
        var settings = new HttpProbeSettings { Url = new Uri("https://shop.test/api/stock?token=secret") };

        Assert.Equal("https://shop.test/api/stock", settings.Target);
    }

    [Fact]
    public void Serialises_the_expectations_but_never_the_request_header_values()
    {
        var settings = new HttpProbeSettings
        {
            Url = new Uri("https://shop.test/health"),
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer secret-token" },
            Latency = new LatencyExpectation(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(3)),
            Body = new HttpBodyExpectations { Matches = @"Price: \d+", Json = [new JsonExpectation("$.status", "equals", "UP")] },
        };

        var json = JsonSerializer.Serialize(settings, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.DoesNotContain("secret-token", json);
        Assert.Contains("\"headerNames\":[\"Authorization\"]", json);
        Assert.Contains("\"matches\":\"Price: \\\\d\\u002B\"", json);
        Assert.Contains("\"json\":[{\"path\":\"$.status\",\"operator\":\"equals\",\"expected\":\"UP\"}]", json);
        Assert.Contains("\"degradedOver\":\"00:00:00.8000000\"", json);
    }
}
