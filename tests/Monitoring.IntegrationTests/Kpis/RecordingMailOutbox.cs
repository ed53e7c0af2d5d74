using Monitoring.Alerting;
using Monitoring.Mail;

namespace Monitoring.IntegrationTests.Kpis;

/// <summary>
/// A mail outbox in memory with the real one's idempotency (kind, key and recipient), for tests written before
/// SqlMailOutbox reached this branch; the lead switches them to the real store.
/// </summary>
public sealed class RecordingMailOutbox : IMailOutbox
{
    private readonly List<(MailMessage Message, DateTimeOffset DueAt)> queued = [];

    public IReadOnlyList<MailMessage> Messages
    {
        get { lock (queued) return queued.Select(q => q.Message).ToList(); }
    }

    public Task<bool> EnqueueAsync(MailMessage message, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        lock (queued)
        {
            if (queued.Any(q => q.Message.Kind == message.Kind && q.Message.Key == message.Key &&
                                AlertRoutes.SameAddress(q.Message.Recipient, message.Recipient)))
                return Task.FromResult(false);
            queued.Add((message, dueAt));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<MailOutboxEntry>> ListAsync(string? kind, int limit, CancellationToken cancellationToken)
    {
        lock (queued)
            return Task.FromResult<IReadOnlyList<MailOutboxEntry>>(queued.Select((q, i) => (q, i))
                .Where(x => kind is null || x.q.Message.Kind == kind).Reverse().Take(limit)
                .Select(x => new MailOutboxEntry(x.i + 1, x.q.Message.Kind, x.q.Message.Key, x.q.Message.Recipient, x.q.Message.Subject,
                    "pending", x.q.DueAt, null, 0, null)).ToList());
    }
}
