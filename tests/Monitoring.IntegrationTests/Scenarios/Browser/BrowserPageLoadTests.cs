using Monitoring.IntegrationTests.Probes.Http;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Monitoring.Scenarios.Browser;
using Microsoft.Extensions.Logging.Abstractions;

namespace Monitoring.IntegrationTests.Scenarios.Browser;

/// <summary>
/// A click that opens a page whose image comes late, in Debian's Chromium: the step waits for the page's load in short
/// slices (<see cref="PageLoad"/>), so it passes once the image is there, however many slices that takes, and fails as
/// a timeout "waiting for the page to load" when its own timeout comes first.
/// </summary>
public sealed class BrowserPageLoadTests : IAsyncLifetime
{
    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private HttpTarget _site = null!;
    private BrowserHost _browser = null!;
    private TimeSpan _imageDelay;

    public async Task InitializeAsync()
    {
        _site = await HttpTarget.StartAsync(app =>
        {
            app.MapGet("/start", () => Results.Content("""<!DOCTYPE html><title>Start</title><a id="next" href="/late">next</a>""", "text/html"));
            app.MapGet("/late", () => Results.Content("""<!DOCTYPE html><title>Late</title><img id="late" src="/late.png" width="1" height="1">""", "text/html"));
            app.MapGet("/late.png", async (HttpContext context) =>
            {
                // Given up when the browser goes away, so that stopping the server does not wait for it.
                await Task.Delay(_imageDelay, context.RequestAborted);
                return Results.Bytes(Pixel, "image/png");
            });
        });
        _browser = new BrowserHost(new BrowserOptions(), NullLogger<BrowserHost>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _site.DisposeAsync();
    }

    private Task<ScenarioRun> RunAsync(string stepTimeout) =>
        new BrowserScenarioRunner(_browser, TimeProvider.System).RunAsync(BrowserScenarioRunnerTests.Load($$$"""
            scenarios:
              - id: late-image
                browser: true
                timeout: 30s
                retries: 0
                vars: { base: "${SHOP_URL}" }
                steps:
                  - name: start
                    open: "{{base}}/start"
                  - name: follow
                    click: "a#next"
                    timeout: {{{stepTimeout}}}
                    expect: { css: "img#late", title: Late }
            """, _site.Url), CancellationToken.None);

    [Fact]
    public async Task A_click_to_a_page_that_loads_over_several_slices_passes_once_it_has_loaded()
    {
        _imageDelay = TimeSpan.FromMilliseconds(1500);

        var run = await RunAsync("20s");

        var follow = run.Steps.Single(s => s.Name == "follow");
        Assert.True(run.Result.Outcome == ProbeOutcome.Pass, $"{run.Result.Message}: {follow.Message}");
        // The load waited for the image (six slices), not for the first slice only.
        Assert.True(follow.Duration >= TimeSpan.FromMilliseconds(1400), $"the step took {follow.Duration}");
        Assert.StartsWith("click 'a#next': HTTP 200 in ", follow.Message);
    }

    [Fact]
    public async Task A_page_still_loading_when_the_steps_timeout_comes_fails_as_a_timeout_waiting_for_the_load()
    {
        // A timeout the click itself keeps well within on a loaded machine, and an image that comes far later.
        _imageDelay = TimeSpan.FromSeconds(30);

        var run = await RunAsync("4s");

        var follow = run.Steps.Single(s => s.Name == "follow");
        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.Equal(FailureClass.Timeout, run.Result.Failure);
        Assert.Equal(StepOutcome.Fail, follow.Outcome);
        Assert.True(follow.Message.StartsWith("click 'a#next': timeout: not done within 4s (waiting for the page to load", StringComparison.Ordinal),
            follow.Message);
    }
}
