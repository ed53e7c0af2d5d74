using MailKit.Net.Smtp;
using Monitoring.Storage;

namespace Monitoring.Alerting.Channels.Email;

/// <summary>
/// Email alerts through MailKit. Each recipient gets their own copy (their acknowledgement link names them, and one
/// rejected address cannot hold back the others); all copies of an incident's first alert share the thread's
/// Message-ID. A batch goes over one SMTP connection; a failure is returned per message, never thrown.
/// </summary>
public sealed class EmailChannel(EmailOptions email, AlertingOptions alerting, AckLinks links, TimeProvider time) : IAlertChannel
{
    public const string ChannelName = "email";

    public string Name => ChannelName;

    public bool IsEnabled => email.IsConfigured;

    public async Task<IReadOnlyList<NewNotification>> ComposeAsync(AlertContext context, IReadOnlyList<PlannedNotification> planned,
        CancellationToken cancellationToken)
    {
        var incident = context.Incident;
        var domain = email.Sender.Domain;
        var triggers = context.Rows.Where(r => r.Kind == NotificationKind.Trigger).ToList();
        var root = triggers.FirstOrDefault()?.MessageId ?? EmailThread.RootId(incident.Id, domain);
        var chart = AlertChart.RenderPng(context);
        // Copies of one notification to several recipients are one message: they share a Message-ID.
        var ids = new Dictionary<string, string>();
        var written = new List<NewNotification>();
        foreach (var p in planned)
        {
            var messageId = p.Kind == NotificationKind.Trigger ? root
                : ids.TryGetValue(p.Key, out var known) ? known
                : ids[p.Key] = EmailThread.ReplyId(incident.Id, p.Key, domain);
            // The recipient's own first message when they had one, so their thread holds even if two instances raced.
            var inReplyTo = p.Kind == NotificationKind.Trigger ? null
                : triggers.FirstOrDefault(t => AlertRoutes.SameAddress(t.Recipient, p.Recipient))?.MessageId ?? root;
            var ackUrl = p.Kind == NotificationKind.Resolve
                ? null
                : await links.CreateAsync(incident.Id, AlertRoutes.AddressOf(p.Recipient), cancellationToken);
            var content = EmailComposer.Compose(context, p, ackUrl, alerting.BaseUrl, EmailThread.ChartContentId(messageId)) with
            {
                Chart = chart,
                // What the buyer's browser showed when the step failed: in the first alert and an escalation, not in
                // every reminder.
                Screenshot = p.Kind is NotificationKind.Trigger or NotificationKind.Escalation ? context.Screenshot?.Png : null,
            };
            written.Add(new NewNotification(incident.Id, incident.CheckId, ChannelName, p.Kind, p.Key, p.Recipient, content, messageId,
                inReplyTo, p.DueAt));
        }
        return written;
    }

    public async Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var results = new string?[messages.Count];
        using var client = new SmtpClient { Timeout = (int)email.SmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(email.SmtpHost!, email.SmtpPort, email.SocketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(email.SmtpUsername))
                await client.AuthenticateAsync(email.SmtpUsername, email.SmtpPassword ?? "", cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Array.Fill(results, $"SMTP {email}: {Describe(e)}");
            return results;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested || !client.IsConnected)
            {
                results[i] = cancellationToken.IsCancellationRequested ? "not sent: the service is stopping" : $"SMTP {email}: the connection was lost";
                continue;
            }
            try
            {
                await client.SendAsync(EmailThread.Build(messages[i], email.Sender, time.GetUtcNow()), cancellationToken);
            }
            catch (Exception e)
            {
                // A rejected recipient fails only its message; a broken connection fails the rest through IsConnected.
                results[i] = $"SMTP {email}: {Describe(e)}";
            }
        }
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception)
        {
            // Everything was handed over already; a failed QUIT changes nothing.
        }
        return results;
    }

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {OneLine(command.Message)}",
        _ => OneLine(e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
