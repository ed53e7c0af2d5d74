using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Scenarios;

namespace Monitoring.IntegrationTests.Scenarios;

/// <summary>The checkout scenario over real HTTP against <see cref="ScenarioShop"/>: one cookie jar, an anti-forgery
/// token captured and sent back, forms, JSON, GraphQL, a failing step named, and the cleanup step.</summary>
public sealed class ScenarioRunnerTests : IAsyncLifetime
{
    private ScenarioShop _shop = null!;

    public async Task InitializeAsync() => _shop = await ScenarioShop.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private ProbeDefinition Load(string password = ScenarioShop.Password)
    {
        var folder = Path.Combine(Path.GetTempPath(), "shopmon-scn-" + Guid.NewGuid().ToString("N")[..8], "checks");
        Directory.CreateDirectory(Path.Combine(folder, "scenarios"));
        File.WriteAllText(Path.Combine(folder, "scenarios", "checkout.yaml"), ScenarioYaml.Checkout());
        try
        {
            var checks = CheckSetLoader.Default(new Dictionary<string, string> { ["SHOP_URL"] = _shop.Url, ["BUYER_PASSWORD"] = password })
                .LoadOrThrow(folder);
            return Assert.Single(checks.Probes);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static Task<ScenarioRun> RunAsync(ProbeDefinition scenario) =>
        new ScenarioRunner(TimeProvider.System).RunAsync(scenario, CancellationToken.None);

    [Fact]
    public async Task Passes_the_whole_checkout_on_one_session()
    {
        var run = await RunAsync(Load());

        Assert.True(run.Result.Outcome == ProbeOutcome.Pass, run.Result.Message + "\n" + string.Join("\n", run.Steps.Select(s => $"{s.Name}: {s.Message}")));
        Assert.Equal(7, run.Steps.Count);
        Assert.All(run.Steps, s => Assert.Equal(StepOutcome.Pass, s.Outcome));
        Assert.Equal(1, _shop.CartsEmptied);
        Assert.True(run.Steps.Zip(run.Steps.Skip(1)).All(p => p.First.Offset <= p.Second.Offset), "steps run one after the other");
    }

    [Fact]
    public async Task Fails_naming_the_step_that_answered_500()
    {
        _shop.FailingPath = "/cart/add";

        var run = await RunAsync(Load());

        Assert.Equal(ProbeOutcome.Fail, run.Result.Outcome);
        Assert.Equal("step 'add to cart' failed: HTTP 500 (expected 200)", run.Result.Message);
        Assert.Equal(500, run.Result.StatusCode);
        Assert.Equal("Internal error: the cart service is down", run.Steps[2].Excerpt);
        Assert.Equal([StepOutcome.Pass, StepOutcome.Pass, StepOutcome.Fail, StepOutcome.Skipped, StepOutcome.Skipped, StepOutcome.Skipped,
            StepOutcome.Skipped], run.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task Runs_the_cleanup_step_after_a_failure_at_the_payment_step()
    {
        _shop.FailingPath = "/checkout";

        var run = await RunAsync(Load());

        Assert.Equal("step 'checkout to payment' failed: HTTP 500 (expected 2xx)", run.Result.Message);
        Assert.Equal(StepOutcome.Pass, run.Steps[^1].Outcome);
        Assert.Equal(1, _shop.CartsEmptied);
    }

    [Fact]
    public async Task Keeps_the_password_and_token_out_of_a_failed_sign_in()
    {
        const string wrong = "wrong&Secret-77";

        var run = await RunAsync(Load(password: wrong));

        Assert.Equal("step 'sign in' failed: HTTP 401 (expected 200)", run.Result.Message);
        Assert.Equal("Wrong password *** for buyer@shop.test", run.Steps[1].Excerpt);
        var everything = run.Result.Message + string.Concat(run.Steps.Select(s => s.Message + s.Excerpt));
        Assert.DoesNotContain(wrong, everything);
        Assert.DoesNotContain("wrong&amp;Secret-77", everything);
    }
}
