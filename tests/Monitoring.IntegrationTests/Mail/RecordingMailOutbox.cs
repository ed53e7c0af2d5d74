using Monitoring.Mail;

namespace Monitoring.IntegrationTests.Mail;

/// <summary>
/// An in-memory <see cref="IMailOutbox"/> with the real one's idempotency (kind, key and recipient), for tests of what a
/// job queues (which reports, to whom, saying what). The real outbox's storage and sending through SMTP are tested in
/// <see cref="MailOutboxConformance"/> and the SMTP outage test.
/// </summary>
public sealed class RecordingMailOutbox : IMailOutbox
{
    private readonly List<(MailMessage Message, DateTimeOffset DueAt)> _queued = [];

    public IReadOnlyList<MailMessage> Messages
    {
        get { lock (_queued) return _queued.Select(q => q.Message).ToList(); }
    }

    public Task<bool> EnqueueAsync(MailMessage message, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        lock (_queued)
        {
            if (_queued.Any(q => q.Message.Kind == message.Kind && q.Message.Key == message.Key &&
                                 Monitoring.Alerting.AlertRoutes.SameAddress(q.Message.Recipient, message.Recipient)))
                return Task.FromResult(false);
            _queued.Add((message, dueAt));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<MailOutboxEntry>> ListAsync(string? kind, int limit, CancellationToken cancellationToken)
    {
        lock (_queued)
        {
            IReadOnlyList<MailOutboxEntry> entries = _queued.Select((q, i) => (q, i)).Where(x => kind is null || x.q.Message.Kind == kind).Reverse().Take(limit)
                .Select(x => new MailOutboxEntry(x.i + 1, x.q.Message.Kind, x.q.Message.Key, x.q.Message.Recipient, x.q.Message.Subject, "queued",
                    x.q.DueAt, null, 0, null)).ToList();
            return Task.FromResult(entries);
        }
    }
}
