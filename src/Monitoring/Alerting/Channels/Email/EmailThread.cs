using System.Security.Cryptography;
using MimeKit;
using Monitoring.Storage;

namespace Monitoring.Alerting.Channels.Email;

/// <summary>
/// One email thread per incident: the trigger's Message-ID is the thread's root, and every later message (reminder,
/// escalation, resolve) names it in In-Reply-To and References, which is what mail clients thread on. Ids end with the
/// sender's domain, as RFC 5322 recommends, and carry a random part so that a reused incident id (a new database)
/// never joins an old thread.
/// </summary>
public static class EmailThread
{
    public static string RootId(long incidentId, string domain) => $"incident-{incidentId}.{Random()}@{domain}";

    public static string ReplyId(long incidentId, string key, string domain) =>
        $"incident-{incidentId}.{key.Replace(':', '-')}.{Random()}@{domain}";

    /// <summary>The Content-Id of a message's inline chart; the HTML body shows it as <c>cid:…</c>.</summary>
    public static string ChartContentId(string messageId) => $"chart.{messageId}";

    /// <summary>The email for an outbox row, exactly as stored, dated now.</summary>
    public static MimeMessage Build(OutboxMessage row, MailboxAddress from, DateTimeOffset date)
    {
        var entry = row.Entry;
        var message = new MimeMessage { Subject = row.Content.Subject, MessageId = entry.MessageId, Date = date };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(entry.Recipient));
        if (row.InReplyTo is { } root)
        {
            message.InReplyTo = root;
            message.References.Add(root);
        }
        // RFC 3834: out-of-office robots must not answer alerts (and Exchange's own switch for the same).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add("X-Shopmon-Incident", entry.IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add("X-Shopmon-Check", row.CheckId);
        message.Headers.Add("X-Shopmon-Kind", NotificationNames.Of(entry.Kind));

        var body = new BodyBuilder { TextBody = row.Content.TextBody, HtmlBody = row.Content.HtmlBody };
        if (row.Content.Chart is { Length: > 0 } chart)
        {
            var image = body.LinkedResources.Add("response-times.png", chart, new ContentType("image", "png"));
            image.ContentId = ChartContentId(entry.MessageId);
        }
        if (row.Content.Screenshot is { Length: > 0 } screenshot)
            body.Attachments.Add("failed-step.png", screenshot, new ContentType("image", "png"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
