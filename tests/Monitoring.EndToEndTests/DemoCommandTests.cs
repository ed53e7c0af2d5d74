using Monitoring.TestSupport;

namespace Monitoring.EndToEndTests;

/// <summary>The README's run command, as a user runs it: everything populated within a minute.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_serves_the_shop_and_shows_probe_results_in_metrics_within_a_minute()
    {
        var workingDirectory = Paths.NewTempFolder("shopmon-demo");
        var port = FreePort.Next();
        var shopPort = FreePort.Next();
        var started = DateTime.UtcNow;
        await using var demo = ChildProcess.StartDotnet("monitoring.dll",
            ["demo", "--port", port.ToString(), "--shop-port", shopPort.ToString(), "--checks", Paths.RepositoryChecks()],
            workingDirectory: workingDirectory);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        try
        {
            var metrics = await Eventually.GetAsync(async () =>
            {
                if (demo.HasExited) throw new InvalidOperationException("demo exited early");
                try
                {
                    var text = await client.GetStringAsync("/metrics");
                    return text.Contains("shopmon_probe_success{probe=\"storefront-home\"} 1") &&
                           text.Contains("shopmon_probe_success{probe=\"product-page\"} 1") ? text : null;
                }
                catch (HttpRequestException) { return null; }
            }, TimeSpan.FromSeconds(60), "probe results in the demo's /metrics");

            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
            Assert.Contains($"monitoring:  http://127.0.0.1:{port}/", demo.Output);
            Assert.Contains($"demo shop:   http://127.0.0.1:{shopPort}/", demo.Output);
            Assert.Contains("shopmon_probe_runs_total{probe=\"storefront-home\",result=\"pass\"}", metrics);
            Assert.True(File.Exists(Path.Combine(workingDirectory, "data", "monitoring.db")), "the SQLite file is made under ./data");
            var shopHome = await new HttpClient().GetStringAsync($"http://127.0.0.1:{shopPort}/");
            Assert.Contains("Tools and supplies for the trades", shopHome);

            // The shop's data: two years of generated history, then the sample exports of checks/sources with their
            // deliberately bad rows in the quarantine.
            var imports = await Eventually.GetAsync(async () =>
            {
                var text = await client.GetStringAsync("/api/imports");
                return text.Contains("\"source\":\"demo-data\"") && text.Contains("erp-invoices") && text.Contains("platform-customers") ? text : null;
            }, TimeSpan.FromSeconds(120), "the demo data and the sample sources in /api/imports");
            Assert.DoesNotContain("\"status\":\"failed\"", imports);
            var quarantine = await client.GetStringAsync("/api/quarantine");
            Assert.Contains("'douze' in column Quantité is not a number", quarantine);
            Assert.Contains("shopmon_source_rows_total{source=\"erp-invoices\",entity=\"order_line\",outcome=\"inserted\"} 212",
                await client.GetStringAsync("/metrics"));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Exception($"{e.Message}\n--- demo output ---\n{demo.Output}", e);
        }
        finally
        {
            await demo.DisposeAsync();
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
