using Monitoring.Metrics;
using Monitoring.Storage;

namespace Monitoring.Alerting;

/// <summary>What one dispatcher pass did, for logs and tests.</summary>
public sealed record DispatchSummary(int Sent, int Failed, int Suppressed);

/// <summary>
/// One pass of the alert dispatcher: plan (reminders, escalations, catch-up), then claim due rows and hand them to their
/// channel, oldest first, until nothing is due. A failed send leaves the row pending with its error and an exponential
/// back-off; nothing is dropped. A row is marked sent only after the channel delivered it, and claims are leased, so
/// several instances never send one row twice; the one gap is an instance dying between the server accepting a
/// message and the row being marked, after which the lease ends and the message goes again with the same Message-ID
/// (which mail clients use to drop the copy).
/// </summary>
public sealed class AlertDispatcher(
    AlertPipeline pipeline,
    IAlertOutboxStore outbox,
    IIncidentStore incidents,
    IEnumerable<IAlertChannel> channels,
    AlertingOptions options,
    MonitoringMetrics metrics,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    /// <summary>Rows claimed at once: a lease must cover sending all of them.</summary>
    public const int BatchSize = 20;

    /// <summary>Claims per channel and pass: enough to drain a backlog after an outage, bounded so a pass ends.</summary>
    private const int MaxRounds = 50;

    /// <summary>This instance's name on the rows it claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<DispatchSummary> RunAsync(CancellationToken cancellationToken)
    {
        var total = new DispatchSummary(0, 0, 0);
        if (!pipeline.IsEnabled) return total;
        await pipeline.PlanAllAsync(cancellationToken);
        foreach (var channel in channels.Where(c => c.IsEnabled))
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var claimed = await outbox.ClaimAsync(channel.Name, Owner, time.GetUtcNow(), options.ClaimLease, BatchSize, cancellationToken);
                if (claimed.Count == 0) break;
                var summary = await DeliverAsync(channel, claimed, cancellationToken);
                total = new DispatchSummary(total.Sent + summary.Sent, total.Failed + summary.Failed, total.Suppressed + summary.Suppressed);
                // The server is failing: the rest waits for its back-off rather than failing the same way now.
                if (summary.Failed > 0) break;
            }
        }
        metrics.AlertOutboxPending.Set(await outbox.CountPendingAsync(cancellationToken));
        return total;
    }

    private async Task<DispatchSummary> DeliverAsync(IAlertChannel channel, IReadOnlyList<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        // The incident may have been acknowledged or resolved since the row was queued: check just before sending.
        var live = new List<OutboxMessage>();
        var suppressed = 0;
        foreach (var message in claimed)
        {
            var incident = await incidents.GetIncidentAsync(message.Entry.IncidentId, cancellationToken);
            var reason = incident is null ? "the incident no longer exists" : AlertPlanner.WhyObsolete(message.Entry, incident);
            if (reason is null)
            {
                live.Add(message);
                continue;
            }
            if (await outbox.CancelAsync(message.Entry.Id, Owner, reason, time.GetUtcNow(), cancellationToken))
            {
                suppressed++;
                metrics.RecordNotification(channel.Name, NotificationNames.Of(message.Entry.Kind), MonitoringMetrics.NotificationSuppressed);
                logger.LogInformation("Did not send the {Kind} for incident {Incident} to {Recipient}: {Reason}",
                    NotificationNames.Of(message.Entry.Kind), message.Entry.IncidentId, message.Entry.Recipient, reason);
            }
        }
        if (live.Count == 0) return new DispatchSummary(0, 0, suppressed);

        var errors = await channel.SendAsync(live, cancellationToken);
        // What was handed to the server must be recorded even when the service is stopping, or it would go out again.
        var record = CancellationToken.None;
        int sent = 0, failed = 0;
        string? firstError = null;
        TimeSpan? nextTry = null;
        for (var i = 0; i < live.Count; i++)
        {
            var entry = live[i].Entry;
            var kind = NotificationNames.Of(entry.Kind);
            var now = time.GetUtcNow();
            if (errors[i] is not { } error)
            {
                sent++;
                await outbox.MarkSentAsync(entry.Id, Owner, now, record);
                if (entry.Kind == NotificationKind.Trigger) await incidents.MarkNotifiedAsync(entry.IncidentId, now, record);
                metrics.RecordNotification(channel.Name, kind, MonitoringMetrics.NotificationSent);
                logger.LogInformation("Sent the {Kind} {Channel} for incident {Incident} ({Check}) to {Recipient}",
                    kind, channel.Name, entry.IncidentId, live[i].CheckId, entry.Recipient);
                continue;
            }
            failed++;
            var delay = options.RetryDelayAfter(entry.Attempts + 1);
            await outbox.MarkFailedAsync(entry.Id, Owner, error, now + delay, record);
            metrics.RecordNotification(channel.Name, kind, MonitoringMetrics.NotificationFailed);
            firstError ??= error;
            nextTry = nextTry is null || delay < nextTry ? delay : nextTry;
        }
        if (failed > 0)
            logger.LogWarning("Could not send {Failed} of {Count} {Channel} alert(s); they stay in the outbox and are tried again in {Delay}: {Error}",
                failed, live.Count, channel.Name, Checks.Durations.Format(nextTry!.Value), firstError);
        return new DispatchSummary(sent, failed, suppressed);
    }
}
