using Hangfire;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>Deletes raw probe results, scenario step results, sessions and quarantined rows past their retention, every hour.</summary>
public sealed class RetentionJob(IProbeStore store, IScenarioStore scenarios, SqlShopRetention shop, RetentionOptions options, TimeProvider time,
    ILogger<RetentionJob> logger)
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
        // Scenario steps share the cutoff of the probe results they detail.
        var steps = await scenarios.DeleteBeforeAsync(cutoff, cancellationToken);
        if (steps > 0)
            logger.LogInformation("Retention: deleted {Count} scenario step result(s) older than {Cutoff:u}", steps, cutoff);

        var now = time.GetUtcNow();
        if (options.Sessions > TimeSpan.Zero && await shop.DeleteSessionsBeforeAsync(now - options.Sessions, cancellationToken) is > 0 and var sessions)
            logger.LogInformation("Retention: deleted {Count} session(s) older than {Cutoff:u}", sessions, now - options.Sessions);
        if (options.Quarantine > TimeSpan.Zero && await shop.DeleteQuarantineBeforeAsync(now - options.Quarantine, cancellationToken) is > 0 and var rows)
            logger.LogInformation("Retention: deleted {Count} quarantined row(s) older than {Cutoff:u}", rows, now - options.Quarantine);
    }
}
