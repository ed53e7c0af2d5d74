using Hangfire;

namespace Monitoring.Mail;

/// <summary>The Hangfire job behind the mail dispatcher. Overlapping runs are safe: rows are claimed with a lease.</summary>
public sealed class MailDispatchJob(MailDispatcher dispatcher)
{
    public const string JobId = "system:mail-dispatch";

    // The next scheduled run is the retry: a failed send is already retried through the outbox.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.RunAsync(cancellationToken);
}
