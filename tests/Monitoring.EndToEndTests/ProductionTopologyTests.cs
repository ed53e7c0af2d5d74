using System.Text.Json;
using Monitoring.TestSupport;

namespace Monitoring.EndToEndTests;

/// <summary>
/// The docker-compose topology without Docker: the service as its own process on PostgreSQL (Hangfire.PostgreSql),
/// the demo shop as another process, and a real Prometheus scraping the service.
/// </summary>
public sealed class ProductionTopologyTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task Prometheus_scrapes_probe_results_from_the_service_on_postgres()
    {
        var prometheus = Paths.Tool("prometheus", "prometheus");
        var promtool = Paths.Tool("promtool", "prometheus");
        var workingDirectory = Paths.NewTempFolder("shopmon-topology");
        var (shopPort, servicePort, prometheusPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());

        await using var shop = ChildProcess.StartDotnet("DemoShop.dll", ["--urls", $"http://127.0.0.1:{shopPort}"]);
        await using var service = ChildProcess.StartDotnet("monitoring.dll",
            ["serve", "--checks", Paths.RepositoryChecks(), "--urls", $"http://127.0.0.1:{servicePort}"],
            new Dictionary<string, string>
            {
                ["Monitoring__Storage__Provider"] = "Postgres",
                ["Monitoring__Storage__ConnectionString"] = await _postgres.CreateDatabaseAsync(),
                ["SHOP_URL"] = $"http://127.0.0.1:{shopPort}",
            }, workingDirectory);

        var config = Path.Combine(workingDirectory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
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
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        try
        {
            // The service's own page says the probes ran against the shop and were stored in PostgreSQL.
            var api = await Eventually.GetAsync(async () =>
            {
                try
                {
                    var json = await client.GetStringAsync($"http://127.0.0.1:{servicePort}/api/probes");
                    return json.Contains("\"outcome\":\"pass\"") ? json : null;
                }
                catch (HttpRequestException) { return null; }
            }, TimeSpan.FromSeconds(90), "a stored passing probe result");
            Assert.Contains("storefront-home", api);
            Assert.Contains("postgres storage reachable", await client.GetStringAsync($"http://127.0.0.1:{servicePort}/readyz"));

            // Prometheus really scraped the service and sees the probe as up.
            var series = await Eventually.GetAsync(async () =>
            {
                try
                {
                    var json = await client.GetStringAsync(
                        $"http://127.0.0.1:{prometheusPort}/api/v1/query?query=shopmon_probe_success%7Bprobe%3D%22storefront-home%22%7D");
                    using var document = JsonDocument.Parse(json);
                    var result = document.RootElement.GetProperty("data").GetProperty("result");
                    return result.GetArrayLength() == 1 && result[0].GetProperty("value")[1].GetString() == "1" ? json : null;
                }
                catch (HttpRequestException) { return null; }
            }, TimeSpan.FromSeconds(60), "Prometheus to scrape shopmon_probe_success = 1");
            Assert.Contains("\"job\":\"shopmon\"", series);

            // The exposition passes Prometheus's own linter.
            var metricsFile = Path.Combine(workingDirectory, "metrics.txt");
            await File.WriteAllTextAsync(metricsFile, await client.GetStringAsync($"http://127.0.0.1:{servicePort}/metrics"));
            await using var check = ChildProcess.Start("bash", ["-c", $"{promtool} check metrics < {metricsFile}; echo exit=$?"]);
            await Eventually.TrueAsync(() => Task.FromResult(check.HasExited), TimeSpan.FromSeconds(30), "promtool");
            Assert.Contains("exit=0", check.Output);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Exception($"{e.Message}\n--- service ---\n{service.Output}\n--- prometheus ---\n{scraper.Output}", e);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
