namespace Monitoring.Mail;

/// <summary>
/// The outbox of report-style emails (see <see cref="MailMessage"/>), on both backends. Queueing is idempotent by
/// kind, key and recipient; <c>system:mail-dispatch</c> sends what is due, oldest first per recipient, retrying with a
/// growing delay while the SMTP server is away, and never sends a row twice.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Queues the message unless one with the same kind, key and recipient exists; true when it was queued.</summary>
    Task<bool> EnqueueAsync(MailMessage message, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>The newest rows, optionally of one kind, newest first.</summary>
    Task<IReadOnlyList<MailOutboxEntry>> ListAsync(string? kind, int limit, CancellationToken cancellationToken);
}
