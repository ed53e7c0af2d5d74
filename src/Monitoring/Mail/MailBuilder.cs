using System.Security.Cryptography;
using MimeKit;
using Monitoring.Storage;

namespace Monitoring.Mail;

/// <summary>
/// Turns a queued report-style message into a MIME message: multipart/alternative with the plain text first and the
/// HTML second, the HTML's pictures as related parts named by their Content-Id. The Message-ID is fixed when the row
/// is queued, so a message sent again after a crash (between the server accepting it and the row being marked) carries
/// the same id, which mail clients use to drop the copy.
/// </summary>
public static class MailBuilder
{
    /// <summary>The left part of a new Message-ID; the sender's domain is added when the message is built.</summary>
    public static string NewMessageId(string kind) => $"{kind}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    public static MimeMessage Build(ClaimedMail mail, MailboxAddress from, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = mail.Message.Subject,
            MessageId = $"{mail.MessageId}@{from.Domain}",
            Date = date,
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Message.Recipient));
        // RFC 3834: out-of-office robots must not answer reports (and Exchange's own switch for the same).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add("X-Shopmon-Kind", mail.Message.Kind);
        message.Headers.Add("X-Shopmon-Key", mail.Message.Key);

        var body = new BodyBuilder { TextBody = mail.Message.TextBody, HtmlBody = mail.Message.HtmlBody };
        foreach (var image in mail.Message.Images)
        {
            var part = body.LinkedResources.Add(image.FileName, image.Png, new ContentType("image", "png"));
            part.ContentId = image.ContentId;
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
