using Monitoring.Alerting;

namespace Monitoring.Storage;

/// <summary>
/// The alert outbox: every notification is a row before it is a message, so that nothing is lost while a mail server
/// is down and nothing is sent twice when several instances dispatch. Rows are kept after sending (the notification log).
/// </summary>
public interface IAlertOutboxStore
{
    /// <summary>Queues notifications; one already queued (same incident, channel, key and recipient) is left as it is.
    /// Returns how many were added.</summary>
    Task<int> AddAsync(IReadOnlyList<NewNotification> notifications, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>An incident's rows without their content, oldest first: what planning needs.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Incidents that may need a notification: every open one, and those resolved since
    /// <paramref name="resolvedSince"/> that have rows.</summary>
    Task<IReadOnlyList<long>> IncidentsToPlanAsync(DateTimeOffset resolvedSince, CancellationToken cancellationToken);

    /// <summary>
    /// Claims for <paramref name="owner"/>, until <paramref name="now"/> + <paramref name="lease"/>, up to
    /// <paramref name="limit"/> pending rows of the channel that are due and out of back-off, oldest first. A row waits
    /// while an earlier row of the same incident and recipient is pending, so each recipient's messages arrive in order;
    /// a row claimed by another owner is skipped until its lease ends.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string channel, string owner, DateTimeOffset now, TimeSpan lease, int limit,
        CancellationToken cancellationToken);

    /// <summary>Marks a claimed row sent; false when the claim was lost (its lease ended and another owner took it).</summary>
    Task<bool> MarkSentAsync(long id, string owner, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt on a claimed row and releases it: it stays pending until <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(long id, string owner, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Cancels a pending row that nobody else holds; false when it was not pending or is being sent elsewhere.</summary>
    Task<bool> CancelAsync(long id, string? owner, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Rows not yet sent or cancelled.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>A value every instance shares: the stored one, or <paramref name="candidate"/> stored now when none is.</summary>
    Task<string> GetOrAddSecretAsync(string name, string candidate, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>An outbox row as planning sees it, without its content.</summary>
public sealed record OutboxEntry(
    long Id,
    long IncidentId,
    string Channel,
    NotificationKind Kind,
    string Key,
    string Recipient,
    NotificationStatus Status,
    DateTimeOffset DueAt,
    DateTimeOffset? SentAt,
    string MessageId,
    int Attempts,
    string? LastError)
{
    public bool IsPending => Status == NotificationStatus.Pending;

    public bool IsSent => Status == NotificationStatus.Sent;
}

/// <summary>A claimed row with everything needed to send it.</summary>
public sealed record OutboxMessage(OutboxEntry Entry, string CheckId, NotificationContent Content, string? InReplyTo, DateTimeOffset CreatedAt);
