using DemoShop.Faults;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Scenarios;

namespace Monitoring.IntegrationTests.Scenarios;

/// <summary>
/// The repository's demo scenarios against the real demo shop: every one passes on a healthy shop, and each fault the
/// shop can be given makes the right scenario fail at the right step, with the step named in the result.
/// </summary>
public sealed class DemoScenarioTests : IAsyncLifetime
{
    private DemoShopHost _shop = null!;
    private IReadOnlyList<ProbeDefinition> _scenarios = [];

    public async Task InitializeAsync()
    {
        _shop = await DemoShopHost.StartAsync();
        var checks = CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_URL"] = _shop.Url }).LoadOrThrow(RepositoryChecks());
        _scenarios = checks.Probes.Where(p => p.Kind == "scenario").ToList();
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private static string RepositoryChecks()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Monitoring.sln"))) directory = directory.Parent;
        return Path.Combine(directory.FullName, "checks");
    }

    private async Task<ScenarioRun> RunAsync(string id) =>
        await new ScenarioRunner(TimeProvider.System).RunAsync(_scenarios.Single(s => s.Id == id), CancellationToken.None);

    [Fact]
    public async Task Every_demo_scenario_passes_on_a_healthy_shop()
    {
        Assert.Equal(["business-price", "checkout-to-payment", "guest-browsing", "quote-request", "reorder"], _scenarios.Select(s => s.Id).Order());
        foreach (var scenario in _scenarios)
        {
            var run = await RunAsync(scenario.Id);
            Assert.True(run.Result.Outcome == ProbeOutcome.Pass,
                $"{scenario.Id}: {run.Result.Message}\n{string.Join("\n", run.Steps.Select(s => $"  {s.Name}: {s.Outcome} {s.Message}"))}");
        }
    }

    public static TheoryData<string, string, string> Faults => new()
    {
        // fault (as POST /_faults takes it), scenario, the step its result must name
        { """{"step":"home","status":500}""", "guest-browsing", "step 'home' failed: HTTP 500" },
        { """{"step":"search","status":503}""", "guest-browsing", "step 'search' failed: HTTP 503" },
        { """{"step":"login","status":500}""", "business-price", "step 'open sign-in' failed: HTTP 500" },
        { """{"step":"add_to_cart","status":500}""", "checkout-to-payment", "step 'add to cart' failed: HTTP 500" },
        { """{"step":"delivery","status":500}""", "checkout-to-payment", "step 'delivery' failed: HTTP 500" },
        { """{"missing_payment_method":"card"}""", "checkout-to-payment", "step 'payment step' failed" },
        { """{"step":"place_order","status":500}""", "reorder", "step 'api place order' failed: HTTP 500" },
        { """{"step":"orders","status":500}""", "reorder", "step 'order history' failed: HTTP 500" },
        { """{"step":"quote","status":500}""", "quote-request", "step 'quote form' failed: HTTP 500" },
        { """{"down":true}""", "guest-browsing", "step 'home' failed: HTTP 503" },
        { """{"wrong_price":true}""", "business-price", "step 'net price on product page' failed" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_of_the_shop_fails_its_scenario_at_the_right_step(string fault, string scenario, string message)
    {
        using var client = new HttpClient();
        using var set = await client.PostAsync($"{_shop.Url}/_faults", new StringContent(fault, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());

        var run = await RunAsync(scenario);

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.StartsWith(message, run.Result.Message);
    }

    [Fact]
    public async Task A_slow_product_page_fails_the_latency_expectation_of_its_step()
    {
        _shop.Faults.Set(new FaultSpec { Step = "product", SlowMs = 2_500 });

        var run = await RunAsync("guest-browsing");

        Assert.NotEqual(ProbeOutcome.Pass, run.Result.Outcome);
        Assert.Contains("product page", run.Result.Message);
    }
}
