using Monitoring.Checks;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Web;

/// <summary>
/// checks/ changed while the service runs: a valid change is put in force (a new check gets its job and its series);
/// a broken one is refused whole, the last good configuration keeps running, and the error shows on the pages, in the
/// log and as a metric until the file is fixed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChecksReloadTests
{
    private const string OneProbe = """
        probes:
          - id: storefront-home
            kind: http
            url: ${SHOP_URL}/
            interval: 1s
            timeout: 900ms
            retries: 0
        """;

    private const string TwoProbes = OneProbe + """

          - id: product-page
            kind: http
            url: ${SHOP_URL}/products/GLV-NIT-100
            interval: 1s
            timeout: 900ms
            retries: 0
        """;

    private const string Broken = OneProbe + """

          - id: product-page
            kind: http
            url: ${SHOP_URL}/products/GLV-NIT-100
            interval: often
        """;

    [Fact]
    public async Task Puts_a_valid_change_in_force_and_keeps_the_last_good_configuration_when_a_change_is_broken()
    {
        using var folder = new TempFolder().WithProbes(OneProbe);
        await using var shop = await DemoShopHost.StartAsync();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath, [ChecksReloadService.IntervalKey] = "00:00:00.200" },
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });
        var file = Directory.GetFiles(Path.Combine(folder.Checks, "probes")).Single();

        await File.WriteAllTextAsync(file, Broken);
        var refused = await Eventually.GetAsync(async () =>
        {
            var text = await monitor.Client.GetStringAsync("/metrics");
            return text.Contains("shopmon_config_last_reload_successful 0") ? text : null;
        }, TimeSpan.FromSeconds(20), "the broken change refused in /metrics");
        Assert.Contains("shopmon_config_errors 1", refused);
        Assert.Contains("shopmon_config_probes 1", refused);
        var page = await monitor.Client.GetStringAsync("/");
        Assert.Contains("id=\"config-errors\"", page);
        Assert.Contains("interval", page[page.IndexOf("config-errors", StringComparison.Ordinal)..]);
        Assert.Contains("probes.yaml:11", page); // the line of interval: often
        // The last good configuration still runs.
        var runs = await RunsOfAsync(monitor, "storefront-home");
        await Eventually.GetAsync(async () => await RunsOfAsync(monitor, "storefront-home") > runs ? "yes" : null,
            TimeSpan.FromSeconds(20), "storefront-home still running");

        await File.WriteAllTextAsync(file, TwoProbes);
        var loaded = await Eventually.GetAsync(async () =>
        {
            var text = await monitor.Client.GetStringAsync("/metrics");
            return text.Contains("shopmon_config_last_reload_successful 1") && text.Contains("shopmon_config_probes 2") ? text : null;
        }, TimeSpan.FromSeconds(20), "the fixed change in force");
        Assert.Contains("shopmon_config_errors 0", loaded);
        Assert.DoesNotContain("id=\"config-errors\"", await monitor.Client.GetStringAsync("/"));
        await Eventually.GetAsync(async () => await RunsOfAsync(monitor, "product-page") > 0 ? "yes" : null,
            TimeSpan.FromSeconds(20), "the new check product-page running on its schedule");
    }

    private static async Task<double> RunsOfAsync(MonitorHost monitor, string probe)
    {
        var prefix = $"shopmon_probe_runs_total{{probe=\"{probe}\",result=\"pass\"}} ";
        var line = (await monitor.Client.GetStringAsync("/metrics")).Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
