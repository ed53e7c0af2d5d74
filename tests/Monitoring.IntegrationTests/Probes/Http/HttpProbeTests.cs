using Monitoring.Probes;
using Monitoring.Probes.Http;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Probes.Http;

/// <summary>The http probe against a real server on loopback: every way a page can fail, and what the result says.</summary>
public sealed class HttpProbeTests : IAsyncLifetime
{
    private WebApplication _target = null!;
    private string _url = "";
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _target = builder.Build();
        _target.MapGet("/ok", () => "fine");
        _target.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        _target.MapGet("/slow", async () => { await Task.Delay(3000); return "late"; });
        _target.MapGet("/moved", () => Results.Redirect("/ok"));
        _target.MapGet("/needs-header", (HttpRequest request) =>
            request.Headers["X-Synthetic"] == "probe-42" ? Results.Ok() : Results.BadRequest());
        await _target.StartAsync();
        _url = MonitorHost.AddressOf(_target);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddProbes();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _target.StopAsync();
        await _target.DisposeAsync();
    }

    private Task<ProbeResult> RunAsync(string url, HttpProbeSettings? settings = null, TimeSpan? timeout = null)
    {
        var definition = new ProbeDefinition("target", "target", "http", TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(5),
            null, settings ?? new HttpProbeSettings { Url = new Uri(url) }, "test:1");
        return _services.GetRequiredService<ProbeRunner>().RunAsync(definition, CancellationToken.None);
    }

    [Fact]
    public async Task Passes_on_a_200()
    {
        var result = await RunAsync(_url + "/ok");

        Assert.Equal(ProbeOutcome.Pass, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.StartsWith("HTTP 200 in ", result.Message);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Fails_when_status_is_500()
    {
        var result = await RunAsync(_url + "/status/500");

        Assert.Equal(ProbeOutcome.Fail, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal("status: expected 2xx, got 500", result.Message);
    }

    [Fact]
    public async Task Fails_on_timeout_and_says_after_how_long()
    {
        var result = await RunAsync(_url + "/slow", timeout: TimeSpan.FromMilliseconds(500));

        Assert.Equal(ProbeOutcome.Fail, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal("timeout: no complete answer within 500ms", result.Message);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Fails_when_slower_than_the_latency_limit()
    {
        var settings = new HttpProbeSettings { Url = new Uri(_url + "/slow"), MaxLatency = TimeSpan.FromSeconds(1) };

        var result = await RunAsync("", settings);

        Assert.Equal(ProbeOutcome.Fail, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.StartsWith("latency: expected at most 1s, took 3", result.Message);
    }

    [Fact]
    public async Task Fails_with_the_connection_error_when_nothing_listens()
    {
        var result = await RunAsync($"http://127.0.0.1:{FreePort.Next()}/");

        Assert.Equal(ProbeOutcome.Fail, result.Outcome);
        Assert.StartsWith("connect: ConnectionRefused", result.Message);
    }

    [Fact]
    public async Task Follows_redirects_by_default_and_reports_them_when_told_not_to()
    {
        var followed = await RunAsync(_url + "/moved");
        var seen = await RunAsync("", new HttpProbeSettings { Url = new Uri(_url + "/moved"), FollowRedirects = false });

        Assert.Equal((ProbeOutcome.Pass, 200), (followed.Outcome, followed.StatusCode));
        Assert.Equal((ProbeOutcome.Fail, 302), (seen.Outcome, seen.StatusCode));
    }

    [Fact]
    public async Task Sends_the_configured_headers()
    {
        var settings = new HttpProbeSettings
        {
            Url = new Uri(_url + "/needs-header"),
            Headers = new Dictionary<string, string> { ["X-Synthetic"] = "probe-42" },
        };

        var with = await RunAsync("", settings);
        var without = await RunAsync(_url + "/needs-header");

        Assert.Equal(ProbeOutcome.Pass, with.Outcome);
        Assert.Equal("status: expected 2xx, got 400", without.Message);
    }
}
