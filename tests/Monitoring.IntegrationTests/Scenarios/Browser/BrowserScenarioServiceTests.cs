using System.Net;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Scenarios.Browser;

/// <summary>
/// A browser scenario inside the whole service, on each backend: a failing step is named in /metrics and the incident,
/// its screenshot is stored, served as PNG and shown on the check's page.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BrowserScenarioServiceTests(PostgresFixture postgres)
{
    public static TheoryData<string> Backends => new() { "Sqlite", "Postgres" };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Stores_and_shows_the_screenshot_of_the_step_that_broke(string backend)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Checks, "scenarios"));
        File.WriteAllText(Path.Combine(folder.Checks, "scenarios", "browser.yaml"), BrowserScenarioYaml.Checkout(interval: "20s", timeout: "15s"));
        await using var shop = await DemoShopHost.StartAsync();
        shop.Faults.Set(new global::DemoShop.Faults.FaultSpec { Step = "add_to_cart", Status = 500 });
        var settings = backend == "Postgres"
            ? new Dictionary<string, string?>
            {
                ["Monitoring:Storage:Provider"] = "Postgres",
                ["Monitoring:Storage:ConnectionString"] = await postgres.Server.CreateDatabaseAsync(),
            }
            : new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath };
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, settings, new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });

        await Eventually.TrueAsync(async () => (await monitor.Client.GetStringAsync("/metrics"))
            .Contains("shopmon_scenario_failed_step{scenario=\"browser-checkout\",step=\"add-to-cart\"} 1"), TimeSpan.FromSeconds(60),
            "add-to-cart failing in /metrics");

        var store = monitor.App.Services.GetRequiredService<IScenarioStore>();
        // The metrics are published before the steps are stored.
        var last = await Eventually.GetAsync(() => store.LastRunAsync("browser-checkout", CancellationToken.None),
            TimeSpan.FromSeconds(10), "the steps stored");
        Assert.Contains(last.Steps, s => s.StepId == "add-to-cart" && s.StatusCode == 500 && s.Message.StartsWith("HTTP 500 from POST "));
        var screenshot = await store.ScreenshotAsync("browser-checkout", last.RunId, CancellationToken.None);
        Assert.Equal(5, screenshot!.StepIndex);
        Assert.Null(await store.ScreenshotAsync("another-scenario", last.RunId, CancellationToken.None));

        var png = await monitor.Client.GetAsync($"/charts/scenarios/browser-checkout/screenshot.png?run={last.RunId}");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(screenshot.Png, await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await monitor.Client.GetAsync("/charts/scenarios/browser-checkout/screenshot.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await monitor.Client.GetAsync("/charts/scenarios/nope/screenshot.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await monitor.Client.GetAsync($"/charts/scenarios/browser-checkout/screenshot.png?run={Guid.NewGuid()}")).StatusCode);

        var page = await monitor.Client.GetStringAsync("/checks/browser-checkout");
        Assert.Contains("data-step=\"add-to-cart\"", page);
        Assert.Contains($"src=\"/charts/scenarios/browser-checkout/screenshot.png?run={last.RunId}\"", page);
        Assert.DoesNotContain("demo-shop-2026", page);

        Assert.True(await store.DeleteBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None) > 0);
        Assert.Null(await store.ScreenshotAsync("browser-checkout", null, CancellationToken.None));
    }
}
