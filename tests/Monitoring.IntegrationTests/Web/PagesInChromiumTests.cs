using Microsoft.Playwright;
using Monitoring.Checks;
using Monitoring.Kpis;
using Monitoring.Quality;
using Monitoring.Scenarios.Browser;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Web;

/// <summary>
/// The service's pages as people see them, in a real Chromium: each loads, shows its main element, and logs no error
/// in the browser's console (a broken script, a refused style, an image that does not load).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PagesInChromiumTests(PostgresFixture postgres)
{
    /// <summary>The pages' checks: one probe of the demo shop and one quality rule, so every page has something to show.</summary>
    internal static TempFolder ChecksFolder()
    {
        var folder = new TempFolder().WithProbes("""
            probes:
              - id: home
                kind: http
                url: ${SHOP_URL}/
                interval: 1m
            """);
        Directory.CreateDirectory(Path.Combine(folder.Checks, "quality"));
        File.WriteAllText(Path.Combine(folder.Checks, "quality", "catalogue.yaml"), """
            rules:
              - { id: product-gtin-valid, entity: product, kind: gtin, severity: blocker, team: catalogue }
            """);
        return folder;
    }

    [Fact]
    public async Task Every_main_page_renders_its_content_without_a_console_error()
    {
        _ = postgres;
        using var folder = ChecksFolder();
        await using var shop = await DemoShopHost.StartAsync();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath },
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });
        var services = monitor.App.Services;
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
        await SeedAsync(services.GetRequiredService<IShopWriter>(), day);
        await services.GetRequiredService<KpiRunner>().RunAsync(false, null, default);
        await services.GetRequiredService<QualityScanner>().ScanAsync(services.GetRequiredService<ActiveChecks>().Current.QualityRules, default);

        var (context, problem) = await services.GetRequiredService<BrowserHost>().NewContextAsync(new BrowserNewContextOptions(), default);
        Assert.True(context is not null, problem);
        await using var browserContext = context;
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{page.Url}: {message.Text}"); };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");

        foreach (var (path, selector) in new[]
                 {
                     ("/", "table"),
                     ("/checks/home", "h1"),
                     ($"/kpis?period={day:yyyy-MM-dd}", "table[data-table=kpis] tr[data-kpi=conversion_rate]"),
                     ("/kpis/churn", "h1"),
                     ($"/kpis/report?week={Period.IsoWeekOf(day).Label}", "table[data-section=tiles] td[data-kpi=conversion_rate]"),
                     ($"/kpis/conversion_rate?period={day:yyyy-MM-dd}", "table[data-table=definition]"),
                     ("/quality", "body"),
                     ("/quality/records/product/SKU-2", "table[data-table=findings] tr[data-finding=product-gtin-valid]"),
                     ("/quality/digest?team=catalogue", "[data-digest=html] img"),
                     ("/data/imports", "h1"),
                     ("/admin/privacy", "form input[name=email]"),
                     ("/admin/audit", "table"),
                     ("/overview/ops", "table[data-table=availability] tr[data-check=home]"),
                     ($"/overview/managers?period={Period.IsoWeekOf(day).Label}", "[data-section=tiles] [data-kpi=conversion_rate]"),
                     ("/overview/catalogue", "table[data-table=findings]"),
                 })
        {
            var response = await page.GotoAsync(monitor.Client.BaseAddress + path.TrimStart('/'));
            Assert.True(response?.Status == 200, $"{path}: HTTP {response?.Status}");
            await page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        }
        await page.GotoAsync(monitor.Client.BaseAddress + "quality");
        Assert.Contains("product-gtin-valid", await page.ContentAsync());
        await page.GotoAsync(monitor.Client.BaseAddress + "quality/records/product/SKU-2");
        Assert.Contains("data-history=\"0\"", await page.ContentAsync());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await monitor.Client.GetAsync("quality/digest?team=nobody")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await monitor.Client.GetAsync("quality/digest?team=catalogue&week=2026-48")).StatusCode);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    internal static async Task SeedAsync(IShopWriter writer, DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var sessions = new EntityBatch(new EntityTarget(ShopModel.Session,
            new[] { "id", "started_at", "furthest_step" }.Select(f => ShopModel.Session.Find(f)!).ToArray()));
        for (var i = 0; i < 8; i++) sessions.Add([$"s{i}", at, i < 2 ? "order" : "product"]);
        await writer.WriteAsync(sessions, default);
        var orders = new EntityBatch(new EntityTarget(ShopModel.Order,
            new[] { "id", "channel", "placed_at", "status" }.Select(f => ShopModel.Order.Find(f)!).ToArray()));
        orders.Add(["o1", "web", at, "placed"]);
        await writer.WriteAsync(orders, default);
        var products = new EntityBatch(new EntityTarget(ShopModel.Product,
            new[] { "sku", "name", "gtin", "status" }.Select(f => ShopModel.Product.Find(f)!).ToArray()));
        products.Add(["SKU-1", "Drill", "4006381333932", "active"]);
        products.Add(["SKU-2", "Saw", "4006381333933", "active"]); // wrong check digit
        await writer.WriteAsync(products, default);
    }
}
