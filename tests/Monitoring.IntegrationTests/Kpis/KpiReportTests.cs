using Monitoring.IntegrationTests.Mail;
using System.Net;
using Microsoft.Extensions.Options;
using Monitoring.Checks;
using Monitoring.IntegrationTests.Access;
using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;
using Monitoring.Kpis.Reports;
using Monitoring.Mail;
using Monitoring.Metrics;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// From imported sessions and orders to the anomaly alert, the weekly report's page and its emails: nine steady weeks
/// of 40 sessions and 25 web orders a day, then Friday 16 October 2026 with 2 orders.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KpiReportTests(PostgresFixture postgres)
{
    private static readonly DateOnly DropDay = new(2026, 10, 16);

    private const string Alerts = """
        routes:
          - name: managers
            team: managers
            to: [managers@example.com, "Boss <boss@example.com>"]
        default:
          to: [ops@example.com]
        """;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Mails_a_drop_once_to_the_managers_and_shows_it_in_the_weekly_report()
    {
        _ = postgres;
        var outbox = new RecordingMailOutbox();
        await using var host = await AccessHost.StartAsync(alerts: Alerts,
            configure: b => b.Services.AddSingleton<IMailOutbox>(outbox));
        var services = host.Monitor.App.Services;
        await SeedAsync(services.GetRequiredService<IShopWriter>());
        await services.GetRequiredService<KpiRunner>().RunAsync(true, null, default);

        // The day after the drop (the test checks use UTC).
        var alerts = new KpiAnomalyAlerts(services.GetRequiredService<KpiAnomalyFinder>(), services.GetRequiredService<ActiveChecks>(),
            new FixedTime(new DateTimeOffset(2026, 10, 17, 9, 0, 0, TimeSpan.Zero)), services.GetRequiredService<ILogger<KpiAnomalyAlerts>>(),
            services.GetRequiredService<MonitoringMetrics>(), outbox);
        var found = await alerts.RunAsync(default);
        var afterFirst = outbox.Messages.Count;
        await alerts.RunAsync(default);

        Assert.Contains(found, a => a.Key == "conversion_rate:day:2026-10-16" && a.Anomaly.Direction == AnomalyDirection.Drop);
        Assert.Contains(found, a => a.Key == "orders:day:2026-10-16");
        var conversion = outbox.Messages.Where(m => m.Key == "conversion_rate:day:2026-10-16").ToList();
        Assert.Equal(["managers@example.com", "Boss <boss@example.com>"], conversion.Select(m => m.Recipient));
        Assert.Contains("Conversion rate on Friday 2026-10-16 was 5.0 %, below its usual 62.5 %", conversion[0].TextBody); // 2 ÷ 40, 25 ÷ 40
        Assert.Equal(afterFirst, outbox.Messages.Count); // the second run queued nothing
        Assert.Contains("shopmon_kpi_anomaly{kpi=\"conversion_rate\",period=\"day\"} -1",
            await host.Clients[AccessHost.ReadKey].GetStringAsync("/metrics"));

        var page = await host.Clients[Monitoring.Access.Roles.Viewer].GetAsync("/kpis/report?week=2026-W42");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-section=\"tiles\"", html);
        Assert.Contains("Conversion rate on Friday 2026-10-16: drop to 5.0 % against a usual 62.5 %", html);
        Assert.Contains("<svg", html); // the sparklines, inline
        var bad = await host.Clients[Monitoring.Access.Roles.Viewer].GetAsync("/kpis/report?week=2026-W99");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not an ISO week", await bad.Content.ReadAsStringAsync());

        // Monday 19 October 08:00 UTC: the weekly report of week 42 is due; September's pack is not (18 days late, and
        // September has no orders or sessions).
        var mailer = Mailer(services, outbox, new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await mailer.RunAsync(default));
        Assert.Equal(0, await mailer.RunAsync(default)); // a restart, or a second instance
        var weekly = outbox.Messages.Where(m => m.Kind == "weekly-report").ToList();
        Assert.Equal(["2026-W42", "2026-W42"], weekly.Select(m => m.Key));
        // Monday 12 to Thursday 15 at 25 orders, Friday 2, nothing imported for the weekend: 102 against 7 × 25 = 175.
        Assert.Contains("Orders: 102 (target: no target; vs previous week: -41.7 %", weekly[0].TextBody);
        Assert.DoesNotContain(outbox.Messages, m => m.Kind == "monthly-pack");

        // Sunday 1 November 08:00 UTC (07:00 in Paris was 06:00 UTC): October's pack is due, once per recipient.
        var first = Mailer(services, outbox, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), new KpiReportOptions { Weekly = false });
        Assert.Equal(2, await first.RunAsync(default));
        Assert.Equal(0, await first.RunAsync(default));
        Assert.Single(outbox.Messages, m => m.Kind == "monthly-pack" && m.Key == "2026-10" && m.Recipient == "managers@example.com");
    }

    [Fact]
    public async Task Sends_no_report_for_a_week_without_orders_or_sessions()
    {
        // The counts of an empty week evaluate to zero, not to nothing: a monitor with no shop data source yet mailed
        // a report of zeros every Monday (seen when a browser test ran on a Monday and received it first).
        _ = postgres;
        var outbox = new RecordingMailOutbox();
        await using var host = await AccessHost.StartAsync(alerts: Alerts,
            configure: b => b.Services.AddSingleton<IMailOutbox>(outbox));
        var services = host.Monitor.App.Services;
        await services.GetRequiredService<KpiRunner>().RunAsync(true, null, default);
        var mailer = Mailer(services, outbox, new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero));

        var report = await services.GetRequiredService<KpiPeriodReportBuilder>().BuildAsync(Period.IsoWeek(2026, 42), default);

        Assert.Contains(report.Tiles, t => t.Kpi.Id == "orders" && t.Current.Value == 0); // what made the old check pass
        Assert.False(report.HasShopData);
        Assert.Equal(0, await mailer.RunAsync(default));
        Assert.DoesNotContain(outbox.Messages, m => m.Kind is "weekly-report" or "monthly-pack");
    }

    /// <summary>The report mailer of the host's services, at a fixed instant.</summary>
    private static KpiReportMailer Mailer(IServiceProvider services, IMailOutbox outbox, DateTimeOffset now, KpiReportOptions? options = null) =>
        new(services.GetRequiredService<KpiPeriodReportBuilder>(), services.GetRequiredService<ActiveChecks>(),
            Options.Create(options ?? new KpiReportOptions()), new FixedTime(now), services.GetRequiredService<ILogger<KpiReportMailer>>(), outbox);

    private static async Task SeedAsync(IShopWriter writer)
    {
        var sessions = new EntityBatch(new EntityTarget(ShopModel.Session,
            new[] { "id", "started_at", "furthest_step" }.Select(f => ShopModel.Session.Find(f)!).ToArray()));
        var orders = new EntityBatch(new EntityTarget(ShopModel.Order,
            new[] { "id", "channel", "placed_at", "status" }.Select(f => ShopModel.Order.Find(f)!).ToArray()));
        for (var day = DropDay.AddDays(-63); day <= DropDay; day = day.AddDays(1))
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            for (var i = 0; i < 40; i++) sessions.Add([$"s{day:yyyyMMdd}-{i}", at, "product"]);
            for (var i = 0; i < (day == DropDay ? 2 : 25); i++) orders.Add([$"o{day:yyyyMMdd}-{i}", "web", at, "placed"]);
        }
        await writer.WriteAsync(sessions, default);
        await writer.WriteAsync(orders, default);
    }
}
