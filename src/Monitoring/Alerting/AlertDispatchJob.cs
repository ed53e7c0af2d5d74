using Hangfire;

namespace Monitoring.Alerting;

/// <summary>The Hangfire job behind the dispatcher. Overlapping runs (on one instance or several) are safe: rows are
/// claimed with a lease and queued under unique keys.</summary>
public sealed class AlertDispatchJob(AlertDispatcher dispatcher)
{
    /// <summary>The <c>system:</c> prefix keeps the job catalog, which owns <c>probe:</c> jobs, from removing it.</summary>
    public const string JobId = "system:alert-dispatch";

    // The next scheduled run is the retry: a failed send is already retried through the outbox.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.RunAsync(cancellationToken);
}
