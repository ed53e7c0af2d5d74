using System.Text.Json;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Scenarios;

/// <summary>
/// A scenario declared in checks/scenarios runs on its schedule inside the whole service, on each backend: its steps are
/// stored, /metrics says which step broke, the incident and the API name the step, the page shows the steps.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScenarioServiceTests(PostgresFixture postgres)
{
    public static TheoryData<string> Backends => new() { "Sqlite", "Postgres" };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Runs_a_scenario_and_names_the_step_that_broke_everywhere(string backend)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Checks, "scenarios"));
        File.WriteAllText(Path.Combine(folder.Checks, "scenarios", "checkout.yaml"), ScenarioYaml.Checkout(interval: "1s", timeout: "900ms"));
        await using var shop = await ScenarioShop.StartAsync();
        var settings = backend == "Postgres"
            ? new Dictionary<string, string?>
            {
                ["Monitoring:Storage:Provider"] = "Postgres",
                ["Monitoring:Storage:ConnectionString"] = await postgres.Server.CreateDatabaseAsync(),
            }
            : new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath };
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, settings,
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url, ["BUYER_PASSWORD"] = ScenarioShop.Password });

        await Eventually.TrueAsync(async () => (await monitor.Client.GetStringAsync("/metrics"))
            .Contains("shopmon_scenario_step_success{scenario=\"b2b-checkout\",step=\"empty-cart\"} 1"), TimeSpan.FromSeconds(30), "a passing run");
        shop.FailingPath = "/cart/add";
        var metrics = await Eventually.GetAsync(async () =>
        {
            var text = await monitor.Client.GetStringAsync("/metrics");
            return text.Contains("shopmon_scenario_failed_step{scenario=\"b2b-checkout\",step=\"add-to-cart\"} 1") ? text : null;
        }, TimeSpan.FromSeconds(30), "add-to-cart failing in /metrics");

        Assert.Contains("shopmon_scenario_failed_step{scenario=\"b2b-checkout\",step=\"sign-in\"} 0", metrics);
        Assert.Contains("shopmon_scenario_step_success{scenario=\"b2b-checkout\",step=\"sign-in\"} 1", metrics);
        Assert.Contains("shopmon_scenario_step_failures_total{scenario=\"b2b-checkout\",step=\"add-to-cart\",reason=\"http_status\"}", metrics);
        Assert.Matches("shopmon_scenario_step_duration_seconds\\{scenario=\"b2b-checkout\",step=\"open-login\"\\} [0-9.e-]+", metrics);

        const string message = "step 'add to cart' failed: HTTP 500 (expected 200)";
        var incident = await Eventually.GetAsync(async () =>
        {
            using var json = JsonDocument.Parse(await monitor.Client.GetStringAsync("/api/checks/b2b-checkout"));
            var open = json.RootElement.GetProperty("check").GetProperty("openIncident");
            return open.ValueKind == JsonValueKind.Object ? open.GetProperty("firstMessage").GetString() : null;
        }, TimeSpan.FromSeconds(30), "an open incident");
        Assert.Equal(message, incident);

        var store = monitor.App.Services.GetRequiredService<IScenarioStore>();
        var last = await store.LastRunAsync("b2b-checkout", CancellationToken.None);
        Assert.Equal(7, last!.Steps.Count);
        Assert.Contains(last.Steps, s => s.StepId == "add-to-cart" && s.StatusCode == 500);

        var page = await monitor.Client.GetStringAsync("/checks/b2b-checkout");
        Assert.Contains("Steps of the last run", page);
        Assert.Contains("data-step=\"add-to-cart\"", page);
        Assert.Contains(message.Replace("'", "&#x27;"), page);
        Assert.DoesNotContain(ScenarioShop.Password, page);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(ScenarioShop.Password), page);

        var chart = await monitor.Client.GetAsync("/charts/scenarios/b2b-checkout/steps.svg");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        var svg = await chart.Content.ReadAsStringAsync();
        Assert.Contains("add to cart", svg);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await monitor.Client.GetAsync("/charts/scenarios/nope/steps.svg")).StatusCode);
    }
}
