using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Prometheus;

namespace Monitoring.Tests.Metrics;

public sealed class MonitoringMetricsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static ProbeDefinition Probe(string id) => new(id, id, "http", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5),
        null, new HttpProbeSettings { Url = new Uri("http://shop.test/") }, "checks/probes/x.yaml:1");

    private static ProbeResult Result(string id, bool passed, int? status, double seconds) => new(Guid.NewGuid(), id, Noon,
        TimeSpan.FromSeconds(seconds), passed ? ProbeOutcome.Pass : ProbeOutcome.Fail, status, "");

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Publishes_every_configured_probe_at_zero_before_its_first_run()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());

        metrics.TrackProbes([Probe("home"), Probe("cart")], Noon);
        var text = await ScrapeAsync(metrics.Registry);

        Assert.Contains("shopmon_probe_runs_total{probe=\"home\",result=\"pass\"} 0", text);
        Assert.Contains("shopmon_probe_runs_total{probe=\"cart\",result=\"fail\"} 0", text);
        Assert.Contains("shopmon_probe_duration_seconds_count{probe=\"home\"} 0", text);
        Assert.Contains("shopmon_config_probes 2", text);
        Assert.Contains("shopmon_config_last_reload_success_timestamp_seconds 1795176000", text);
    }

    [Fact]
    public async Task Records_a_result_in_every_probe_series()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        metrics.TrackProbes([Probe("home")], Noon);

        metrics.RecordProbeResult(Result("home", passed: true, 200, 0.2));
        metrics.RecordProbeResult(Result("home", passed: false, 500, 0.7));
        var text = await ScrapeAsync(metrics.Registry);

        Assert.Contains("shopmon_probe_success{probe=\"home\"} 0", text);
        Assert.Contains("shopmon_probe_runs_total{probe=\"home\",result=\"pass\"} 1", text);
        Assert.Contains("shopmon_probe_runs_total{probe=\"home\",result=\"fail\"} 1", text);
        Assert.Contains("shopmon_probe_duration_seconds_bucket{probe=\"home\",le=\"0.25\"} 1", text);
        Assert.Contains("shopmon_probe_duration_seconds_bucket{probe=\"home\",le=\"1\"} 2", text);
        Assert.Contains("shopmon_probe_http_status_code{probe=\"home\"} 500", text);
    }

    [Fact]
    public async Task Drops_the_series_of_a_probe_that_is_no_longer_configured()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        metrics.TrackProbes([Probe("home"), Probe("old")], Noon);
        metrics.RecordProbeResult(Result("old", passed: true, 200, 0.1));

        metrics.TrackProbes([Probe("home")], Noon);
        var text = await ScrapeAsync(metrics.Registry);

        Assert.DoesNotContain("probe=\"old\"", text);
        Assert.Contains("probe=\"home\"", text);
    }

    [Fact]
    public async Task Exports_nothing_but_its_own_metrics_and_the_build_info_on_a_private_registry()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());

        var families = (await ScrapeAsync(metrics.Registry)).Split('\n')
            .Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();

        Assert.All(families, name => Assert.StartsWith("shopmon_", name));
        Assert.Contains("shopmon_build_info", families);
    }
}
