using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Monitoring.Alerting;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>
/// Email alerting inside the real service: a probe fails on its Hangfire schedule against the demo shop, the probe job
/// queues the alert, the dispatcher's recurring job sends it through a real SMTP socket, and its acknowledgement link
/// works against the service.
/// </summary>
// With the other tests that host the service: Hangfire's job storage is process-wide, so two hosts at once would
// schedule each other's jobs.
[Collection(PostgresCollection.Name)]
public sealed class AlertingServiceTests
{
    private const string Probes = """
        probes:
          - id: missing-product
            name: Missing product
            kind: http
            url: ${SHOP_URL}/products/NOPE
            interval: 1s
            timeout: 900ms
            retries: 0
            team: webshop
            alerting: { failure_threshold: 1 }
            expect:
              status: [200]
        """;

    private const string Alerts = """
        routes:
          - name: webshop
            team: webshop
            to: ["Webshop on call <oncall@shop.test>"]
            group_wait: 1s
        """;

    private static Dictionary<string, string?> Settings(TempFolder folder, SmtpSink sink) => new()
    {
        ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath,
        ["Monitoring:Alerting:SmtpHost"] = sink.Host,
        ["Monitoring:Alerting:SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Monitoring:Alerting:SmtpTls"] = "None",
        ["Monitoring:Alerting:SmtpUsername"] = "",
        ["Monitoring:Alerting:From"] = "shopmon <alerts@shop.test>",
        ["Monitoring:Alerting:PublicBaseUrl"] = "https://monitor.shop.test/",
        ["Monitoring:Alerting:DispatchInterval"] = "00:00:01",
    };

    [Fact]
    public async Task Emails_a_real_outage_and_accepts_the_acknowledgement_from_the_email()
    {
        using var folder = new TempFolder().WithProbes(Probes);
        File.WriteAllText(Path.Combine(folder.Checks, "alerts.yaml"), Alerts);
        await using var sink = SmtpSink.Start();
        await using var shop = await DemoShopHost.StartAsync();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks, Settings(folder, sink),
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });

        var mail = (await sink.WaitForAsync(1, TimeSpan.FromSeconds(60)))[0];

        // The first run against a cold shop may time out rather than see the 404: either is this outage's first failure.
        Assert.StartsWith("[DOWN] Missing product (missing-product): ", mail.Message.Subject);
        Assert.Equal(["oncall@shop.test"], mail.RcptTo);
        Assert.Equal("alerts@shop.test", mail.MailFrom);
        var link = Regex.Match(mail.Message.TextBody ?? "", @"https://monitor\.shop\.test(/incidents/\d+/ack\?token=\S+)");
        Assert.True(link.Success, mail.Message.TextBody);
        Assert.Contains("https://monitor.shop.test/checks/missing-product", mail.Message.TextBody);

        var path = link.Groups[1].Value;
        var form = await monitor.Client.GetStringAsync(path);
        Assert.Contains("You acknowledge as oncall@shop.test", form);
        var token = Uri.UnescapeDataString(Regex.Match(path, "token=(.+)$").Groups[1].Value);
        var posted = await monitor.Client.PostAsync(path[..path.IndexOf('?')], new FormUrlEncodedContent([new("token", token)]));
        Assert.Contains("<h1>Acknowledged</h1>", await posted.Content.ReadAsStringAsync());

        var incidents = monitor.App.Services.GetRequiredService<IIncidentStore>();
        var incident = (await incidents.GetOpenIncidentAsync("missing-product", default))!;
        Assert.Equal("oncall@shop.test", incident.AcknowledgedBy);
        Assert.NotNull(incident.NotifiedAt);

        using var connection = monitor.App.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == AlertDispatchJob.JobId && j.Cron == "* * * * * *");
        var metrics = await monitor.Client.GetStringAsync("/metrics");
        Assert.Contains("shopmon_notifications_total{channel=\"email\",kind=\"trigger\",result=\"sent\"} 1", metrics);
        Assert.Contains("shopmon_notifications_total{channel=\"email\",kind=\"reminder\",result=\"sent\"} 0", metrics);
        Assert.Contains("shopmon_alert_outbox_pending 0", metrics);
        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task Refuses_to_start_with_smtp_settings_it_cannot_use()
    {
        using var folder = new TempFolder();
        await using var sink = SmtpSink.Start();
        var settings = Settings(folder, sink);
        settings["Monitoring:Alerting:From"] = null;
        settings["Monitoring:Alerting:PublicBaseUrl"] = null;
        settings["Monitoring:Alerting:SmtpPassword"] = "s3cret-Pa55";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MonitorHost.StartAsync(folder.Checks, settings));

        Assert.Contains("From is required when SmtpHost is set", error.Message);
        Assert.Contains("PublicBaseUrl is required when alerts are sent", error.Message);
        Assert.Contains("SmtpPassword is set but SmtpUsername is empty", error.Message);
        Assert.DoesNotContain("s3cret-Pa55", error.Message);
    }

    [Fact]
    public async Task Queues_nothing_and_schedules_no_dispatcher_without_an_smtp_server()
    {
        using var folder = new TempFolder().WithProbes(Probes);
        File.WriteAllText(Path.Combine(folder.Checks, "alerts.yaml"), Alerts);
        await using var shop = await DemoShopHost.StartAsync();
        await using var monitor = await MonitorHost.StartAsync(folder.Checks,
            new Dictionary<string, string?> { ["Monitoring:Storage:SqlitePath"] = folder.SqlitePath },
            new Dictionary<string, string> { ["SHOP_URL"] = shop.Url });
        var incidents = monitor.App.Services.GetRequiredService<IIncidentStore>();

        var incident = await Eventually.GetAsync(() => incidents.GetOpenIncidentAsync("missing-product", default), TimeSpan.FromSeconds(30),
            "the incident of missing-product");

        Assert.Empty(await monitor.App.Services.GetRequiredService<IAlertOutboxStore>().ListAsync(incident.Id, default));
        using var connection = monitor.App.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == AlertDispatchJob.JobId);
    }
}
