using MimeKit;
using Monitoring.Alerting;
using Monitoring.IntegrationTests.Storage;
using Monitoring.Storage;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>
/// Alerts through a real SMTP socket, on each backend: the conversation of one incident as one thread, a blip that
/// sends nothing, an outage of the mail server and its recovery, and two instances dispatching the same outbox.
/// </summary>
public abstract class EmailAlertingTests(ITestBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private SmtpSink _sink = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _sink = SmtpSink.Start();
        _database = await backend.CreateDatabaseAsync();
        AlertingHarness.WriteChecks(_folder);
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await backend.DisposeAsync();
        _folder.Dispose();
    }

    private Task<AlertingHarness> InstanceAsync(ManualClock clock) => AlertingHarness.StartAsync(backend.Open(_database), _folder, _sink, clock);

    private static string Kind(ReceivedMail mail) => mail.Message.Headers["X-Shopmon-Kind"] ?? "";

    private static string Header(ReceivedMail mail, string name) => mail.Message.Headers[name] ?? "";

    [Fact]
    public async Task Sends_trigger_escalation_reminder_and_resolve_as_one_thread_with_the_chart_inline()
    {
        var clock = new ManualClock(T0);
        await using var shopmon = await InstanceAsync(clock);
        var incident = await shopmon.BreakAsync("product-page");

        await shopmon.DispatchAsync();
        Assert.Empty(_sink.Messages); // group_wait
        clock.Advance(TimeSpan.FromSeconds(31));
        await shopmon.DispatchAsync();
        clock.Advance(TimeSpan.FromMinutes(15));
        await shopmon.DispatchAsync();
        clock.Advance(TimeSpan.FromMinutes(45));
        await shopmon.DispatchAsync();
        await shopmon.RunAsync("product-page", up: true);
        await shopmon.DispatchAsync();

        var mails = _sink.Messages;
        Assert.Equal(
        [
            ("trigger", "oncall@shop.test"), ("escalation", "lead@shop.test"), ("reminder", "oncall@shop.test"),
            ("resolve", "oncall@shop.test"), ("resolve", "lead@shop.test"),
        ], mails.Select(m => (Kind(m), m.RcptTo.Single())));
        var root = mails[0].Message.MessageId;
        Assert.Matches($"^incident-{incident}\\.[0-9a-f]{{12}}@shop\\.test$", root);
        Assert.Null(mails[0].Message.InReplyTo);
        Assert.All(mails.Skip(1), m =>
        {
            Assert.Equal(root, m.Message.InReplyTo);
            Assert.Equal([root!], m.Message.References);
        });
        Assert.Equal(mails.Count, mails.Select(m => m.Message.MessageId).Distinct().Count() + 1); // the two resolves share one id
        Assert.Equal("[DOWN] Product page (product-page): status: expected 200, got 500", mails[0].Message.Subject);
        Assert.StartsWith("[ESCALATION] Product page (product-page) down 16m", mails[1].Message.Subject);
        Assert.StartsWith("[REMINDER] Product page (product-page) still down after 1h1m", mails[2].Message.Subject);
        Assert.Equal("[RESOLVED] Product page (product-page): up again after 1h1m", mails[3].Message.Subject);
        Assert.All(mails, AssertChartInline);
        Assert.Contains("https://monitor.shop.test/incidents/" + incident + "/ack?token=", mails[0].Message.TextBody);
        Assert.Contains("Mon 23 Nov 2026 10:00:00 Europe/Paris (09:00:00 UTC)", mails[0].Message.TextBody);

        var stored = await shopmon.Incidents.GetIncidentAsync(incident, default);
        var trigger = (await shopmon.Outbox.ListAsync(incident, default)).Single(r => r.Kind == NotificationKind.Trigger);
        Assert.Equal(trigger.SentAt, stored!.NotifiedAt);
        Assert.Equal(0, await shopmon.Outbox.CountPendingAsync(default));
    }

    private static void AssertChartInline(ReceivedMail mail)
    {
        var image = mail.Message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("image", "png"));
        Assert.False(string.IsNullOrEmpty(image.ContentId));
        Assert.Contains($"cid:{image.ContentId}", mail.Message.HtmlBody);
        using var png = new MemoryStream();
        image.Content!.DecodeTo(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.ToArray()[..4]);
        // The image sits with the HTML in a multipart/related, which is what makes clients show it inline.
        Assert.Contains(Entities(mail.Message.Body!), e => e is MultipartRelated related && related.Contains(image));
        Assert.Equal("text/plain", Entities(mail.Message.Body!).OfType<TextPart>().First().ContentType.MimeType);
    }

    private static IEnumerable<MimeEntity> Entities(MimeEntity entity) =>
        entity is Multipart multipart ? multipart.SelectMany(Entities).Prepend(entity) : [entity];

    [Fact]
    public async Task Sends_nothing_for_a_blip_resolved_within_group_wait()
    {
        var clock = new ManualClock(T0);
        await using var shopmon = await InstanceAsync(clock);
        var incident = await shopmon.BreakAsync("product-page");
        clock.Advance(TimeSpan.FromSeconds(15));
        await shopmon.RunAsync("product-page", up: true);

        clock.Advance(TimeSpan.FromMinutes(5));
        var summary = await shopmon.DispatchAsync();

        Assert.Empty(_sink.Messages);
        Assert.Equal(0, summary.Sent);
        var row = Assert.Single(await shopmon.Outbox.ListAsync(incident, default));
        Assert.Equal((NotificationKind.Trigger, NotificationStatus.Cancelled), (row.Kind, row.Status));
        Assert.Null((await shopmon.Incidents.GetIncidentAsync(incident, default))!.NotifiedAt);
    }

    [Fact]
    public async Task Keeps_alerts_while_the_mail_server_is_down_and_sends_each_once_in_order_when_it_returns()
    {
        var clock = new ManualClock(T0);
        await using var shopmon = await InstanceAsync(clock);
        await _sink.StopAsync();
        var product = await shopmon.BreakAsync("product-page");
        var health = await shopmon.BreakAsync("shop-health");

        clock.Advance(TimeSpan.FromSeconds(31));
        var firstTry = await shopmon.DispatchAsync();
        var afterFirstTry = (await shopmon.Outbox.ListAsync(product, default)).Single();
        clock.Advance(TimeSpan.FromSeconds(10));
        var inBackOff = await shopmon.DispatchAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        var secondTry = await shopmon.DispatchAsync();
        await shopmon.RunAsync("product-page", up: true); // resolved while the mail server is still down
        clock.Advance(TimeSpan.FromMinutes(1));
        await shopmon.DispatchAsync();
        var pendingDuringOutage = await shopmon.Outbox.CountPendingAsync(default);

        _sink.Restart();
        clock.Advance(TimeSpan.FromMinutes(5));
        var recovery = await shopmon.DispatchAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        var afterwards = await shopmon.DispatchAsync();

        Assert.Equal((0, 2), (firstTry.Sent, firstTry.Failed));
        Assert.Equal((NotificationStatus.Pending, 1), (afterFirstTry.Status, afterFirstTry.Attempts));
        Assert.StartsWith($"SMTP 127.0.0.1:{_sink.Port} (None): ", afterFirstTry.LastError);
        Assert.Equal(0, inBackOff.Failed + inBackOff.Sent);
        Assert.Equal(2, secondTry.Failed);
        Assert.Equal(3, pendingDuringOutage);
        Assert.Equal((3, 0), (recovery.Sent, recovery.Failed));
        Assert.Equal(0, afterwards.Sent);
        Assert.Equal(
        [
            (product, "trigger", "oncall@shop.test"), (health, "trigger", "ops@shop.test"), (product, "resolve", "oncall@shop.test"),
        ], _sink.Messages.Select(m => (long.Parse(Header(m, "X-Shopmon-Incident")), Kind(m), m.RcptTo.Single())));
        Assert.Equal(0, await shopmon.Outbox.CountPendingAsync(default));
        var notifiedAt = (await shopmon.Incidents.GetIncidentAsync(product, default))!.NotifiedAt;
        Assert.True(notifiedAt > T0.AddMinutes(7), "the incident counts as notified when the first alert really went, after the outage");
    }

    [Fact]
    public async Task Two_instances_dispatching_one_outbox_send_every_alert_once()
    {
        File.WriteAllText(Path.Combine(_folder.Checks, "alerts.yaml"), """
            default:
              to: [a@shop.test, b@shop.test, c@shop.test, d@shop.test, e@shop.test, f@shop.test]
              group_wait: 0s
            """);
        var clock = new ManualClock(T0);
        await using var first = await InstanceAsync(clock);
        await using var second = await InstanceAsync(clock);
        await first.BreakAsync("product-page");
        await second.BreakAsync("shop-health");
        clock.Advance(TimeSpan.FromSeconds(1));

        for (var round = 0; round < 3; round++)
            await Task.WhenAll(Task.Run(first.DispatchAsync), Task.Run(second.DispatchAsync));

        var received = _sink.Messages.Select(m => (Header(m, "X-Shopmon-Check"), m.RcptTo.Single())).ToList();
        Assert.Equal(12, received.Count);
        Assert.Equal(12, received.Distinct().Count());
        Assert.Equal(0, await first.Outbox.CountPendingAsync(default));
    }

    [Fact]
    public async Task A_rejected_address_does_not_hold_back_the_others()
    {
        File.WriteAllText(Path.Combine(_folder.Checks, "alerts.yaml"), "default:\n  to: [gone@shop.test, ops@shop.test]\n  group_wait: 0s\n");
        _sink.Reject("gone@shop.test");
        var clock = new ManualClock(T0);
        await using var shopmon = await InstanceAsync(clock);
        var incident = await shopmon.BreakAsync("shop-health");
        clock.Advance(TimeSpan.FromSeconds(1));

        var summary = await shopmon.DispatchAsync();

        Assert.Equal((1, 1), (summary.Sent, summary.Failed));
        Assert.Equal(["ops@shop.test"], _sink.Messages.Select(m => m.RcptTo.Single()));
        var rejected = (await shopmon.Outbox.ListAsync(incident, default)).Single(r => r.Recipient == "gone@shop.test");
        Assert.Equal(NotificationStatus.Pending, rejected.Status);
        Assert.Contains("550", rejected.LastError);
    }
}

public sealed class SqliteEmailAlertingTests() : EmailAlertingTests(new SqliteTestBackend());

[Collection(PostgresCollection.Name)]
public sealed class PostgresEmailAlertingTests(PostgresFixture postgres) : EmailAlertingTests(new PostgresTestBackend(postgres.Server));
