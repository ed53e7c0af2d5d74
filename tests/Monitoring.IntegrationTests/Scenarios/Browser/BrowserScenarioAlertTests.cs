using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Scenarios.Browser;

/// <summary>The alert of a failing browser scenario carries what the buyer's browser showed, as a PNG attachment.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BrowserScenarioAlertTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_first_alert_email_has_the_screenshot_of_the_page_where_the_step_failed()
    {
        _ = postgres;
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Checks, "scenarios"));
        File.WriteAllText(Path.Combine(folder.Checks, "scenarios", "browser.yaml"), BrowserScenarioYaml.Checkout(interval: "20s", timeout: "15s"));
        File.WriteAllText(Path.Combine(folder.Checks, "alerts.yaml"), """
            defaults: { group_wait: 0s }
            default: { to: [ops@shop.test] }
            """);
        await using var sink = SmtpSink.Start();
        await using var shop = await DemoShopHost.StartAsync();
        shop.Faults.Set(new global::DemoShop.Faults.FaultSpec { Step = "add_to_cart", Status = 500 });
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, new Dictionary<string, string?>
        {
            ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath,
            ["Monitoring:Alerting:SmtpHost"] = sink.Host,
            ["Monitoring:Alerting:SmtpPort"] = sink.Port.ToString(),
            ["Monitoring:Alerting:SmtpTls"] = "None",
            ["Monitoring:Alerting:From"] = "shopmon <alerts@shop.test>",
            ["Monitoring:Alerting:PublicBaseUrl"] = "https://monitor.shop.test/",
            ["Monitoring:Alerting:DispatchInterval"] = "00:00:01",
        }, new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });

        var mail = await Eventually.GetAsync(() => Task.FromResult(sink.Messages.FirstOrDefault(m => m.Message.Headers.Contains("X-Shopmon-Incident"))),
            TimeSpan.FromSeconds(90),
            "the alert email");

        Assert.Contains("add to cart", mail.Message.TextBody);
        var attachment = Assert.Single(mail.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("failed-step.png", attachment.FileName);
        using var png = new MemoryStream();
        attachment.Content!.DecodeTo(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.ToArray().Take(4));
    }
}
