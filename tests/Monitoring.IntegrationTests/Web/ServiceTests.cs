using System.Net;
using System.Text.Json;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Web;

/// <summary>
/// One path through every layer, on each backend: a probe declared in checks/ runs on its Hangfire schedule against
/// the demo shop, its result is stored, and /metrics, the JSON API, the page and the chart show it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ServiceTests(PostgresFixture postgres)
{
    private const string Probes = """
        probes:
          - id: storefront-home
            kind: http
            url: ${SHOP_URL}/
            interval: 1s
            timeout: 900ms
            retries: 0
          - id: missing-product
            kind: http
            url: ${SHOP_URL}/products/NOPE
            interval: 1s
            timeout: 900ms
            retries: 0
            alerting: { failure_threshold: 2 }
            expect:
              status: [200]
        """;

    public static TheoryData<string> Backends => new() { "Sqlite", "Postgres" };

    private async Task<Dictionary<string, string?>> SettingsAsync(string backend, TempFolder folder) => backend == "Postgres"
        ? new()
        {
            ["Monitoring:Storage:Provider"] = "Postgres",
            ["Monitoring:Storage:ConnectionString"] = await postgres.Server.CreateDatabaseAsync(),
        }
        : new() { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Runs_probes_on_schedule_and_shows_their_results_everywhere(string backend)
    {
        using var folder = new TempFolder().WithProbes(Probes);
        await using var shop = await DemoShopHost.StartAsync();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, await SettingsAsync(backend, folder),
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });

        var metrics = await Eventually.GetAsync(async () =>
        {
            var text = await monitor.Client.GetStringAsync("/metrics");
            return text.Contains("shopmon_probe_runs_total{probe=\"missing-product\",result=\"fail\"} 2") ? text : null;
        }, TimeSpan.FromSeconds(30), "two failed runs of missing-product in /metrics");

        Assert.Contains("shopmon_probe_success{probe=\"storefront-home\"} 1", metrics);
        Assert.Contains("shopmon_probe_success{probe=\"missing-product\"} 0", metrics);
        Assert.Contains("shopmon_probe_http_status_code{probe=\"missing-product\"} 404", metrics);
        Assert.Matches("shopmon_probe_duration_seconds_count\\{probe=\"storefront-home\"\\} [1-9]", metrics);
        // The scheduler's own figures: each probe job's start observed against its due second, and the job queues.
        Assert.Matches("shopmon_scheduler_lag_seconds_count [1-9]", metrics);
        Assert.Matches("shopmon_scheduler_jobs\\{state=\"enqueued\"\\} [0-9]", metrics);

        using var api = JsonDocument.Parse(await monitor.Client.GetStringAsync("/api/probes"));
        var byId = api.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal("pass", byId["storefront-home"].GetProperty("lastResult").GetProperty("outcome").GetString());
        Assert.Equal(1.0, byId["storefront-home"].GetProperty("successRatio24h").GetDouble());
        Assert.Equal("status: expected 200, got 404", byId["missing-product"].GetProperty("lastResult").GetProperty("message").GetString());
        Assert.Equal(0.0, byId["missing-product"].GetProperty("successRatio24h").GetDouble());

        // Two failed runs in a row (failure_threshold 2, no retries) make missing-product down with an open incident.
        await Eventually.TrueAsync(async () => (await monitor.Client.GetStringAsync("/metrics"))
            .Contains("shopmon_check_state{probe=\"missing-product\",state=\"down\"} 1"), TimeSpan.FromSeconds(30), "missing-product down");
        var afterIncident = await monitor.Client.GetStringAsync("/metrics");
        Assert.Contains("shopmon_check_state{probe=\"storefront-home\",state=\"up\"} 1", afterIncident);
        Assert.Contains("shopmon_probe_failures_total{probe=\"missing-product\",reason=\"http_status\"}", afterIncident);

        var page = await monitor.Client.GetStringAsync("/");
        Assert.Contains("data-check=\"storefront-home\"", page);
        Assert.Contains("status: expected 200, got 404", page);
        Assert.Contains("state-down", page);
        Assert.True(page.IndexOf("missing-product", StringComparison.Ordinal) < page.IndexOf("storefront-home", StringComparison.Ordinal),
            "the down check is listed first");

        using var checksJson = JsonDocument.Parse(await monitor.Client.GetStringAsync("/api/checks"));
        var missing = checksJson.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "missing-product");
        Assert.Equal("down", missing.GetProperty("state").GetString());
        var incident = missing.GetProperty("openIncident");
        Assert.Equal("http_status", incident.GetProperty("failureClass").GetString());
        Assert.Equal("status: expected 200, got 404", incident.GetProperty("firstMessage").GetString());
        Assert.True(incident.GetProperty("timeToDetectSeconds").GetDouble() > 0, "detected at the second failed run, after the first");

        var checkPage = await monitor.Client.GetStringAsync("/checks/missing-product");
        Assert.Contains("first failed run", checkPage);
        Assert.Contains("time to detect", checkPage);
        Assert.Equal(HttpStatusCode.NotFound, (await monitor.Client.GetAsync("/checks/no-such-check")).StatusCode);
        var phases = await monitor.Client.GetStringAsync("/charts/checks/storefront-home/phases.svg");
        Assert.Contains("time by phase", phases);

        var chart = await monitor.Client.GetAsync("/charts/probes/storefront-home/latency.svg");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("storefront-home: last 24 hours", await chart.Content.ReadAsStringAsync());

        var stored = await monitor.App.Services.GetRequiredService<IProbeStore>().SummariseAsync(DateTimeOffset.UtcNow.AddHours(-1), default);
        Assert.Equal(["missing-product", "storefront-home"], stored.Select(s => s.Probe.Id));
        Assert.All(stored, s => Assert.True(s.Runs >= 1));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Answers_health_and_readiness(string backend)
    {
        using var folder = new TempFolder();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, await SettingsAsync(backend, folder));

        var health = await monitor.Client.GetAsync("/healthz");
        var ready = await monitor.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains($"{backend.ToLowerInvariant()} storage reachable", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Says_why_it_is_not_ready_when_postgres_goes_away_and_stays_alive()
    {
        using var folder = new TempFolder();
        var server = await PostgresServer.StartAsync();
        var disposed = false;
        try
        {
            await using var monitor = await MonitorHost.StartAsync(folder.Checks, new Dictionary<string, string?>
            {
                ["Monitoring:Storage:Provider"] = "Postgres",
                ["Monitoring:Storage:ConnectionString"] = await server.CreateDatabaseAsync(),
            });
            Assert.Equal(HttpStatusCode.OK, (await monitor.Client.GetAsync("/readyz")).StatusCode);
            if (!server.IsThrowaway) return; // an external server cannot be stopped from here

            await server.DisposeAsync();
            disposed = true;
            var ready = await monitor.Client.GetAsync("/readyz");
            var health = await monitor.Client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Contains("postgres storage unreachable", body);
            Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            if (!disposed) await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keeps_the_hangfire_dashboard_to_loopback()
    {
        using var folder = new TempFolder();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, await SettingsAsync("Sqlite", folder));

        var dashboard = await monitor.Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("shopmon jobs", await dashboard.Content.ReadAsStringAsync());
    }
}
