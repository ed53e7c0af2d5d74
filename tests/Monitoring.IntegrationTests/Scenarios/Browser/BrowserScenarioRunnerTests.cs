using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Monitoring.Scenarios.Browser;
using Microsoft.Extensions.Logging.Abstractions;

namespace Monitoring.IntegrationTests.Scenarios.Browser;

/// <summary>
/// A browser scenario against the real demo shop in Debian's Chromium: the checkout passes up to the payment step, a
/// fault fails the right step with a screenshot of the page, and a machine without the browser gets a failed result.
/// </summary>
public sealed class BrowserScenarioRunnerTests : IAsyncLifetime
{
    private DemoShopHost _shop = null!;
    private BrowserHost _browser = null!;
    private ProbeDefinition _scenario = null!;

    public async Task InitializeAsync()
    {
        _shop = await DemoShopHost.StartAsync();
        _browser = new BrowserHost(new BrowserOptions(), NullLogger<BrowserHost>.Instance);
        _scenario = Load(BrowserScenarioYaml.Checkout(), _shop.Url);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _shop.DisposeAsync();
    }

    internal static ProbeDefinition Load(string yaml, string shopUrl)
    {
        var folder = Directory.CreateTempSubdirectory("browser-scenario-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "checks", "scenarios"));
            File.WriteAllText(Path.Combine(folder.FullName, "checks", "scenarios", "browser.yaml"), yaml);
            var checks = CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_URL"] = shopUrl })
                .LoadOrThrow(Path.Combine(folder.FullName, "checks"));
            return Assert.Single(checks.Probes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private Task<ScenarioRun> RunAsync(BrowserHost? browser = null) =>
        new BrowserScenarioRunner(browser ?? _browser, TimeProvider.System).RunAsync(_scenario, CancellationToken.None);

    private static string Describe(ScenarioRun run) =>
        $"{run.Result.Message}\n{string.Join("\n", run.Steps.Select(s => $"  {s.Name}: {s.Outcome} {s.Message}"))}";

    [Fact]
    public async Task Signs_in_adds_to_cart_and_reaches_the_payment_methods()
    {
        var run = await RunAsync();

        Assert.True(run.Result.Outcome == ProbeOutcome.Pass, Describe(run));
        Assert.Equal(10, run.Steps.Count);
        Assert.All(run.Steps, s => Assert.Null(s.Screenshot));
        Assert.Equal(200, run.Steps.Single(s => s.StepId == "payment-step").StatusCode);
        Assert.StartsWith("click '#to-payment': HTTP 200 in ", run.Steps.Single(s => s.StepId == "payment-step").Message);
    }

    [Fact]
    public async Task Runs_each_time_in_a_fresh_context_so_a_session_never_carries_over()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Result.Outcome == ProbeOutcome.Pass, Describe(first));
        Assert.True(second.Result.Outcome == ProbeOutcome.Pass, Describe(second));
        // A leftover cart would show two lines' worth; a leftover session would skip the sign-in form.
        Assert.Equal(StepOutcome.Pass, second.Steps[0].Outcome);
    }

    [Fact]
    public async Task A_failing_add_to_cart_fails_that_step_with_a_screenshot_and_skips_the_rest()
    {
        using var client = new HttpClient();
        using var set = await client.PostAsync($"{_shop.Url}/_faults",
            new StringContent("""{"step":"add_to_cart","status":500}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(set.IsSuccessStatusCode);

        var run = await RunAsync();

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.StartsWith("step 'add to cart' failed: HTTP 500 from POST ", run.Result.Message);
        Assert.Equal(FailureClass.HttpStatus, run.Result.Failure);
        Assert.Equal(500, run.Result.StatusCode);
        var failed = run.Steps.Single(s => s.StepId == "add-to-cart");
        Assert.Equal(StepOutcome.Fail, failed.Outcome);
        Assert.NotNull(failed.Screenshot);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, failed.Screenshot![..4]);
        Assert.True(failed.Screenshot.Length > 1000);
        Assert.Equal(StepOutcome.Skipped, run.Steps.Single(s => s.StepId == "payment-step").Outcome);
        Assert.Equal(StepOutcome.Pass, run.Steps.Single(s => s.StepId == "empty-the-cart").Outcome);
        Assert.DoesNotContain("demo-shop-2026", Describe(run));
    }

    [Fact]
    public async Task A_missing_payment_method_fails_the_payment_step_on_its_expectation()
    {
        _shop.Faults.Set(new global::DemoShop.Faults.FaultSpec { MissingPaymentMethod = "card" });

        var run = await RunAsync();

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.Equal("step 'payment step' failed: no visible element matches 'li.payment-method[data-method=card]'", run.Result.Message);
        Assert.Equal(FailureClass.Assertion, run.Result.Failure);
        Assert.NotNull(run.Steps.Single(s => s.StepId == "payment-step").Screenshot);
    }

    [Fact]
    public async Task A_machine_without_the_browser_gets_a_failed_result_not_an_exception()
    {
        await using var missing = new BrowserHost(new BrowserOptions { ExecutablePath = "/nonexistent/chromium" }, NullLogger<BrowserHost>.Instance);

        var run = await RunAsync(missing);

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.Equal(FailureClass.ProbeError, run.Result.Failure);
        Assert.StartsWith("browser not available: /nonexistent/chromium does not exist (install Chromium, or set Monitoring:Browser:ExecutablePath)",
            run.Result.Message);
        Assert.All(run.Steps, s => Assert.Equal(StepOutcome.Skipped, s.Outcome));
    }

    [Fact]
    public async Task An_unreachable_shop_fails_the_first_step_as_a_connection_error()
    {
        // A port that was free a moment ago (Chromium refuses the "unsafe" low ports outright).
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _scenario = Load(BrowserScenarioYaml.Checkout(), $"http://127.0.0.1:{port}");

        var run = await RunAsync();

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.Equal(FailureClass.Connect, run.Result.Failure);
        Assert.StartsWith("step 'open sign-in' failed: open {{base}}/login: net::ERR_CONNECTION_REFUSED", run.Result.Message);
    }
}
