using Monitoring.Alerting;
using Monitoring.Alerting.Channels.Email;
using Monitoring.Storage;
using static Monitoring.Tests.Alerting.AlertContexts;

namespace Monitoring.Tests.Alerting.Channels.Email;

/// <summary>Writing emails for the outbox: thread ids, signed links per recipient, no secrets. (Sending is tested
/// against a real SMTP server in the integration tests.)</summary>
public sealed class EmailChannelTests
{
    private const string SigningKey = "the-signing-key-nobody-may-ever-see-0123456789";
    private const string Password = "smtp-Pa55word-nobody-may-see";

    private static readonly AlertingOptions Alerting = new() { PublicBaseUrl = "https://monitor.example.com/", SigningKey = SigningKey };

    private static EmailChannel Channel() => new(
        new EmailOptions { SmtpHost = "smtp.example.com", SmtpUsername = "shopmon", SmtpPassword = Password, From = "shopmon <alerts@shop.example.com>" },
        Alerting,
        // The store is only asked for a key when none is configured; here one is.
        new AckLinks(Alerting, null!, TimeProvider.System),
        TimeProvider.System);

    [Fact]
    public async Task Starts_a_thread_with_the_trigger_that_every_later_message_replies_to()
    {
        var trigger = Assert.Single(await Channel().ComposeAsync(Context(), [Planned(NotificationKind.Trigger)], default));
        var sent = new OutboxEntry(1, 42, "email", NotificationKind.Trigger, "trigger", "oncall@example.com", NotificationStatus.Sent,
            Detected, Detected, trigger.MessageId, 1, null);

        var later = await Channel().ComposeAsync(Context(rows: [sent]),
            [Planned(NotificationKind.Escalation, "lead@example.com"), new PlannedNotification(NotificationKind.Reminder, "reminder:1", "oncall@example.com", Detected)], default);

        Assert.Matches("^incident-42\\.[0-9a-f]{12}@shop\\.example\\.com$", trigger.MessageId);
        Assert.Null(trigger.InReplyTo);
        Assert.All(later, n => Assert.Equal(trigger.MessageId, n.InReplyTo));
        Assert.Matches("^incident-42\\.escalation\\.[0-9a-f]{12}@shop\\.example\\.com$", later[0].MessageId);
        Assert.Matches("^incident-42\\.reminder-1\\.[0-9a-f]{12}@shop\\.example\\.com$", later[1].MessageId);
    }

    [Fact]
    public async Task Gives_each_recipient_a_link_that_names_them()
    {
        var written = await Channel().ComposeAsync(Context(),
            [Planned(NotificationKind.Trigger, "oncall@example.com"), Planned(NotificationKind.Trigger, "Lead <lead@example.com>")], default);
        var links = new AckLinks(Alerting, null!, TimeProvider.System);

        var who = new List<string?>();
        foreach (var n in written)
        {
            var token = System.Text.RegularExpressions.Regex.Match(n.Content.TextBody, "token=([^\\s]+)").Groups[1].Value;
            who.Add((await links.VerifyAsync(42, Uri.UnescapeDataString(token), default)).Who);
        }

        Assert.Equal(["oncall@example.com", "lead@example.com"], who);
        Assert.Equal(written[0].MessageId, written[1].MessageId);
        Assert.All(written, n => Assert.Contains("https://monitor.example.com/incidents/42/ack?token=", n.Content.TextBody));
    }

    [Fact]
    public async Task Never_puts_a_secret_in_an_email()
    {
        var written = await Channel().ComposeAsync(Context(), [Planned(NotificationKind.Trigger), Planned(NotificationKind.Resolve)], default);

        Assert.All(written, n =>
        {
            var all = n.Content.Subject + n.Content.TextBody + n.Content.HtmlBody;
            Assert.DoesNotContain(SigningKey, all);
            Assert.DoesNotContain(Password, all);
        });
    }

    [Fact]
    public async Task Attaches_the_chart_the_html_shows()
    {
        var trigger = Assert.Single(await Channel().ComposeAsync(Context(), [Planned(NotificationKind.Trigger)], default));

        Assert.NotNull(trigger.Content.Chart);
        Assert.Contains($"cid:{EmailThread.ChartContentId(trigger.MessageId)}", trigger.Content.HtmlBody);
    }

    [Fact]
    public async Task Attaches_the_failed_pages_screenshot_to_the_first_alert_but_not_to_reminders()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 9, 9];
        var context = Context() with { Screenshot = new StepScreenshot(Guid.NewGuid(), 3, Detected, png) };

        var written = await Channel().ComposeAsync(context, [Planned(NotificationKind.Trigger), Planned(NotificationKind.Reminder)], default);
        var trigger = EmailThread.Build(new OutboxMessage(SentTrigger("oncall@example.com", Detected), "product-page", written[0].Content, null, Detected),
            new MimeKit.MailboxAddress("shopmon", "alerts@shop.test"), Detected);

        Assert.Equal(png, written[0].Content.Screenshot);
        Assert.Null(written[1].Content.Screenshot);
        var attachment = Assert.Single(trigger.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("failed-step.png", attachment.FileName);
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        Assert.Equal(png, bytes.ToArray());
    }
}
