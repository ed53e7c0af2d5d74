using MailKit.Net.Smtp;
using Monitoring.Alerting;
using Monitoring.Alerting.Channels.Email;
using Monitoring.Metrics;
using Monitoring.Storage;

namespace Monitoring.Mail;

/// <summary>What one pass of the mail dispatcher did.</summary>
public sealed record MailDispatchSummary(int Sent, int Failed);

/// <summary>
/// Sends the due rows of the mail outbox through the SMTP server of <c>Monitoring:Alerting</c>, oldest first, a batch
/// per connection. A failure leaves the row pending with its error and the alerts' exponential back-off, so an SMTP
/// outage delays reports and loses none; a row is marked sent only after the server accepted it.
/// </summary>
public sealed class MailDispatcher(
    SqlMailOutbox outbox,
    EmailOptions email,
    AlertingOptions options,
    MonitoringMetrics metrics,
    TimeProvider time,
    ILogger<MailDispatcher> logger)
{
    public const int BatchSize = 10;

    private const int MaxRounds = 20;

    /// <summary>This instance's name on the rows it claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<MailDispatchSummary> RunAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        if (email.IsConfigured)
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var claimed = await outbox.ClaimAsync(Owner, time.GetUtcNow(), options.ClaimLease, BatchSize, cancellationToken);
                if (claimed.Count == 0) break;
                var (ok, bad) = await SendAsync(claimed, cancellationToken);
                sent += ok;
                failed += bad;
                // The server is failing: the rest waits for its back-off rather than failing the same way now.
                if (bad > 0) break;
            }
        }
        metrics.MailOutboxPending.Set(await outbox.CountPendingAsync(cancellationToken));
        return new MailDispatchSummary(sent, failed);
    }

    private async Task<(int Sent, int Failed)> SendAsync(IReadOnlyList<ClaimedMail> claimed, CancellationToken cancellationToken)
    {
        var errors = new string?[claimed.Count];
        using (var client = new SmtpClient { Timeout = (int)email.SmtpTimeout.TotalMilliseconds })
        {
            try
            {
                await client.ConnectAsync(email.SmtpHost!, email.SmtpPort, email.SocketOptions, cancellationToken);
                if (!string.IsNullOrEmpty(email.SmtpUsername))
                    await client.AuthenticateAsync(email.SmtpUsername, email.SmtpPassword ?? "", cancellationToken);
                for (var i = 0; i < claimed.Count; i++)
                {
                    try
                    {
                        await client.SendAsync(MailBuilder.Build(claimed[i], email.Sender, time.GetUtcNow()), cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException && client.IsConnected)
                    {
                        // One refused recipient must not hold back the others.
                        errors[i] = $"SMTP {email}: {e.Message}";
                    }
                }
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                for (var i = 0; i < errors.Length; i++) errors[i] ??= $"SMTP {email}: {e.Message}";
            }
        }

        // What was handed to the server must be recorded even when the service is stopping, or it would go out again.
        int sent = 0, failed = 0;
        for (var i = 0; i < claimed.Count; i++)
        {
            var entry = claimed[i].Entry;
            var now = time.GetUtcNow();
            if (errors[i] is not { } error)
            {
                sent++;
                await outbox.MarkSentAsync(entry.Id, Owner, now, CancellationToken.None);
                metrics.RecordNotification(EmailChannel.ChannelName, entry.Kind, MonitoringMetrics.NotificationSent);
                logger.LogInformation("Sent the {Kind} {Key} to {Recipient}", entry.Kind, entry.Key, entry.Recipient);
                continue;
            }
            failed++;
            var delay = options.RetryDelayAfter(entry.Attempts + 1);
            await outbox.MarkFailedAsync(entry.Id, Owner, error, now + delay, CancellationToken.None);
            metrics.RecordNotification(EmailChannel.ChannelName, entry.Kind, MonitoringMetrics.NotificationFailed);
            logger.LogWarning("Could not send the {Kind} {Key} to {Recipient}; it stays in the outbox and is tried again in {Delay}: {Error}",
                entry.Kind, entry.Key, entry.Recipient, Checks.Durations.Format(delay), error);
        }
        return (sent, failed);
    }
}
