using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.TestSupport;

namespace Monitoring.EndToEndTests;

/// <summary>
/// The alert rules of dashboards/prometheus/rules/shopmon.yml in a real Prometheus (Debian's package) that scrapes the
/// running service every second: the demo shop, broken through its fault switch, makes ScenarioFailing fire naming
/// the broken step, then ProbeDown; healed, the alerts end. The service runs on SQLite with a small checks folder of
/// its own whose probes run every 2 seconds, so that the whole story fits in about a minute.
/// </summary>
public sealed class AlertRulesEndToEndTests
{
    private const string ProbesYaml = """
        probes:
          - id: shop-home
            name: Demo shop home page
            kind: http
            url: ${SHOP_URL}/
            interval: 2s
            timeout: 1500ms
            retries: 0
            alerting: { failure_threshold: 1, recovery_threshold: 1 }
            expect: { status: [200] }
        """;

    private const string ScenarioYaml = """
        scenarios:
          - id: checkout
            name: Sign in and add to cart through the API
            team: checkout
            interval: 2s
            timeout: 1500ms
            retries: 0
            alerting: { failure_threshold: 1, recovery_threshold: 1 }
            vars:
              base: ${SHOP_URL}
            steps:
              - name: api sign in
                request: { url: "{{base}}/api/login", json: { email: probe@demo-shop.example, password: demo-shop-2026 } }
                expect: { status: 200, json: { path: $.token_type, equals: Bearer } }
              - name: api add to cart
                request: { url: "{{base}}/api/cart/items", json: { sku: GLV-NIT-100, qty: 10 } }
                expect: { status: 200 }
        """;

    [Fact]
    public async Task A_broken_demo_shop_makes_the_checkout_and_downtime_rules_fire_in_prometheus()
    {
        var prometheus = Paths.Tool("prometheus", "prometheus");
        var workingDirectory = Paths.NewTempFolder("shopmon-alerts");
        var checks = Path.Combine(workingDirectory, "checks");
        Directory.CreateDirectory(Path.Combine(checks, "probes"));
        Directory.CreateDirectory(Path.Combine(checks, "scenarios"));
        await File.WriteAllTextAsync(Path.Combine(checks, "probes", "shop.yaml"), ProbesYaml);
        await File.WriteAllTextAsync(Path.Combine(checks, "scenarios", "checkout.yaml"), ScenarioYaml);
        var (shopPort, servicePort, prometheusPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());

        await using var shop = ChildProcess.StartDotnet("DemoShop.dll", ["--urls", $"http://127.0.0.1:{shopPort}"]);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // The shop first, so that the service's first runs do not fail (they would fire alerts before the test breaks anything).
        await Eventually.TrueAsync(async () =>
        {
            try { return (await client.GetAsync($"http://127.0.0.1:{shopPort}/healthz")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(30), "the demo shop to start");
        await using var service = ChildProcess.StartDotnet("monitoring.dll",
            ["serve", "--checks", checks, "--urls", $"http://127.0.0.1:{servicePort}"],
            new Dictionary<string, string> { ["SHOP_URL"] = $"http://127.0.0.1:{shopPort}" }, workingDirectory);

        // The rules as shipped, except their "for:" durations (1 to 15 minutes) cut to 2 seconds: the test checks the
        // expressions, labels and annotations against real series, not how long Prometheus waits (promtool's unit
        // tests in shopmon_test.yml check the durations).
        var shipped = await File.ReadAllTextAsync(Path.Combine(Paths.RepositoryRoot(), "dashboards", "prometheus", "rules", "shopmon.yml"));
        var rules = Regex.Replace(shipped, @"(?m)^(\s+)for: \d+[smh]\s*$", "$1for: 2s");
        Assert.NotEqual(shipped, rules);
        await File.WriteAllTextAsync(Path.Combine(workingDirectory, "shopmon.yml"), rules);
        var config = Path.Combine(workingDirectory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - shopmon.yml
            scrape_configs:
              - job_name: shopmon
                static_configs:
                  - targets: ["127.0.0.1:{servicePort}"]
            """);
        await using var scraper = ChildProcess.Start(prometheus,
        [
            $"--config.file={config}", $"--web.listen-address=127.0.0.1:{prometheusPort}",
            $"--storage.tsdb.path={Path.Combine(workingDirectory, "tsdb")}",
        ]);
        var prometheusUrl = $"http://127.0.0.1:{prometheusPort}";

        try
        {
            // A healthy shop: Prometheus sees both checks pass, the rules are loaded and evaluated, and none of the
            // shop's alerts is pending or firing.
            await Eventually.TrueAsync(async () =>
                await QueryAsync(client, prometheusUrl, "shopmon_probe_success{probe=\"shop-home\"}") == "1" &&
                await QueryAsync(client, prometheusUrl, "shopmon_probe_success{probe=\"checkout\"}") == "1" &&
                await QueryAsync(client, prometheusUrl, "shopmon_scenario_failed_step{scenario=\"checkout\",step=\"api-add-to-cart\"}") == "0" &&
                (await AlertsAsync(client, prometheusUrl, "ScenarioFailing")).Count == 0 &&
                (await AlertsAsync(client, prometheusUrl, "ProbeDown")).Count == 0,
                TimeSpan.FromSeconds(60), "Prometheus to see shop-home and checkout passing, with no alert");
            var rulesLoaded = await client.GetStringAsync($"{prometheusUrl}/api/v1/rules");
            Assert.Contains("\"name\":\"ScenarioFailing\"", rulesLoaded);
            Assert.Contains("\"name\":\"KpiAnomaly\"", rulesLoaded);

            // Adding to the cart answers 500: the checkout rule fires and names that step; the home page is still up.
            await SetFaultsAsync(client, shopPort, """{ "step": "add_to_cart", "status": 500 }""");
            var checkout = await Eventually.GetAsync(async () =>
                (await AlertsAsync(client, prometheusUrl, "ScenarioFailing")).FirstOrDefault(a => a.State == "firing"),
                TimeSpan.FromSeconds(30), "ScenarioFailing to fire");
            Assert.Equal("checkout", checkout!.Labels["scenario"]);
            Assert.Equal("api-add-to-cart", checkout.Labels["step"]);
            Assert.Equal("critical", checkout.Labels["severity"]);
            Assert.Equal("Scenario checkout fails at step api-add-to-cart", checkout.Summary);
            // ProbeDown fires for the scenario too (a scenario is a check), never for the home page, which still works.
            Assert.DoesNotContain(await AlertsAsync(client, prometheusUrl, "ProbeDown"), a => a.Labels["probe"] == "shop-home");

            // The whole shop answers 503: the downtime rules fire for the home page, and the scenario now stops at sign-in.
            await SetFaultsAsync(client, shopPort, """{ "down": true }""");
            var down = await Eventually.GetAsync(async () =>
                (await AlertsAsync(client, prometheusUrl, "ProbeDown")).FirstOrDefault(a => a.State == "firing" && a.Labels["probe"] == "shop-home"),
                TimeSpan.FromSeconds(30), "ProbeDown to fire");
            Assert.Equal("critical", down!.Labels["severity"]);
            Assert.Equal("Probe shop-home is failing", down.Summary);
            await Eventually.TrueAsync(async () => (await AlertsAsync(client, prometheusUrl, "CheckDown")).Any(a =>
                a.State == "firing" && a.Labels["probe"] == "shop-home"), TimeSpan.FromSeconds(30), "CheckDown to fire");
            await Eventually.TrueAsync(async () => (await AlertsAsync(client, prometheusUrl, "ScenarioFailing")).Any(a =>
                a.State == "firing" && a.Labels["step"] == "api-sign-in"), TimeSpan.FromSeconds(30), "ScenarioFailing at api-sign-in");

            // Healed: every alert about the shop ends.
            await SetFaultsAsync(client, shopPort, "{}");
            await Eventually.TrueAsync(async () =>
                (await AlertsAsync(client, prometheusUrl, "ScenarioFailing")).Count == 0 &&
                (await AlertsAsync(client, prometheusUrl, "ProbeDown")).Count == 0 &&
                (await AlertsAsync(client, prometheusUrl, "CheckDown")).Count == 0,
                TimeSpan.FromSeconds(30), "the alerts to end once the shop is healed");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Exception($"{e.Message}\n--- service ---\n{service.Output}\n--- prometheus ---\n{scraper.Output}", e);
        }
        finally
        {
            await scraper.DisposeAsync();
            await service.DisposeAsync();
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>The value of an instant query that returns one series, or null while it returns none.</summary>
    private static async Task<string?> QueryAsync(HttpClient client, string prometheusUrl, string query)
    {
        try
        {
            var json = await client.GetStringAsync($"{prometheusUrl}/api/v1/query?query={Uri.EscapeDataString(query)}");
            using var document = JsonDocument.Parse(json);
            var result = document.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 1 ? result[0].GetProperty("value")[1].GetString() : null;
        }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>The pending and firing alerts of one rule, from Prometheus's /api/v1/alerts.</summary>
    private static async Task<IReadOnlyList<Alert>> AlertsAsync(HttpClient client, string prometheusUrl, string alertName)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"{prometheusUrl}/api/v1/alerts"));
        return document.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(a => new Alert(
                a.GetProperty("labels").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString()!),
                a.GetProperty("state").GetString()!,
                a.GetProperty("annotations").TryGetProperty("summary", out var summary) ? summary.GetString()! : ""))
            .Where(a => a.Labels["alertname"] == alertName)
            .ToList();
    }

    /// <summary>Replaces the demo shop's faults (POST /_faults, loopback only; {} clears them).</summary>
    private static async Task SetFaultsAsync(HttpClient client, int shopPort, string faults)
    {
        using var response = await client.PostAsync($"http://127.0.0.1:{shopPort}/_faults",
            new StringContent(faults, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private sealed record Alert(IReadOnlyDictionary<string, string> Labels, string State, string Summary);
}
