using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Scenarios;
using Prometheus;

namespace Monitoring.Tests.Scenarios;

/// <summary>The step metrics of scenarios, on a private registry.</summary>
public sealed class ScenarioMetricsTests
{
    private static ProbeDefinition Scenario(params string[] steps)
    {
        var yaml = "steps:\n" + string.Concat(steps.Select(s => $"  - name: {s}\n    request: {{ url: 'http://shop.test/' }}\n"));
        var (node, _) = StepYaml.Parse(yaml);
        return new ProbeDefinition("checkout", "Checkout", ScenarioReader.KindName, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), null,
            ScenarioSettings.Read(node)!, "checks/scenarios/t.yaml:1");
    }

    private static StepResult Step(int index, string id, StepOutcome outcome, double seconds = 0.1) =>
        new(index, id, id, outcome, 200, TimeSpan.Zero, TimeSpan.FromSeconds(seconds), "", null)
        {
            Failure = outcome == StepOutcome.Fail ? FailureClass.HttpStatus : FailureClass.None,
        };

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Publishes_every_configured_step_at_zero_and_records_which_step_failed()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        metrics.TrackProbes([Scenario("sign in", "add to cart", "checkout")], DateTimeOffset.UnixEpoch);
        Assert.Contains("shopmon_scenario_failed_step{scenario=\"checkout\",step=\"checkout\"} 0", await ScrapeAsync(metrics.Registry));

        metrics.RecordScenarioSteps("checkout",
            [Step(0, "sign-in", StepOutcome.Pass, 0.25), Step(1, "add-to-cart", StepOutcome.Fail), Step(2, "checkout", StepOutcome.Skipped)]);
        var text = await ScrapeAsync(metrics.Registry);

        Assert.Contains("shopmon_scenario_step_duration_seconds{scenario=\"checkout\",step=\"sign-in\"} 0.25", text);
        Assert.Contains("shopmon_scenario_step_success{scenario=\"checkout\",step=\"sign-in\"} 1", text);
        Assert.Contains("shopmon_scenario_step_success{scenario=\"checkout\",step=\"checkout\"} 0", text);
        Assert.Contains("shopmon_scenario_failed_step{scenario=\"checkout\",step=\"add-to-cart\"} 1", text);
        Assert.Contains("shopmon_scenario_failed_step{scenario=\"checkout\",step=\"sign-in\"} 0", text);
        Assert.Contains("shopmon_scenario_step_failures_total{scenario=\"checkout\",step=\"add-to-cart\",reason=\"http_status\"} 1", text);
        Assert.DoesNotContain("shopmon_scenario_step_duration_seconds{scenario=\"checkout\",step=\"checkout\"}", text);
    }

    [Fact]
    public async Task Drops_the_series_of_a_step_no_longer_configured()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        metrics.TrackProbes([Scenario("sign in", "old step")], DateTimeOffset.UnixEpoch);
        metrics.RecordScenarioSteps("checkout", [Step(0, "sign-in", StepOutcome.Pass), Step(1, "old-step", StepOutcome.Fail)]);

        metrics.TrackProbes([Scenario("sign in")], DateTimeOffset.UnixEpoch);
        var text = await ScrapeAsync(metrics.Registry);

        Assert.DoesNotContain("old-step", text);
        Assert.Contains("step=\"sign-in\"", text);
    }
}
