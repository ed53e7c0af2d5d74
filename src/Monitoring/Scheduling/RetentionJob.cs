using Hangfire;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>Deletes raw probe results past their retention period, every hour.</summary>
public sealed class RetentionJob(IProbeStore store, RetentionOptions options, TimeProvider time, ILogger<RetentionJob> logger)
{
    public const string JobId = "system:retention";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.ProbeResults;
        var deleted = await store.DeleteResultsBeforeAsync(cutoff, cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Retention: deleted {Count} probe result(s) older than {Cutoff:u}", deleted, cutoff);
    }
}
