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
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Says_what_was_expected_and_what_came(string because, HttpProbeSettings settings, int status, int latencyMs, string[] expected)
    {
        var failures = settings.FailedExpectations(status, TimeSpan.FromMilliseconds(latencyMs));

        Assert.True(expected.SequenceEqual(failures), $"{because}: got [{string.Join(" | ", failures)}]");
    }

    [Fact]
    public void Target_never_shows_the_query_string()
    {
        var settings = new HttpProbeSettings { Url = new Uri("https://shop.test/api/stock?token=secret") };

        Assert.Equal("https://shop.test/api/stock", settings.Target);
    }
}
