using Hangfire;
using Monitoring.Checks;
using Monitoring.Quality;

namespace Monitoring.Scheduling;

/// <summary>Scans the store with the configured quality rules every 15 minutes: findings, scores and metrics.</summary>
public sealed class QualityScanJob(ActiveChecks checks, QualityScanner scanner)
{
    public const string JobId = "system:quality-scan";

    /// <summary>Every 15 minutes, at minute 7 of each quarter, away from the hour's imports and retention.</summary>
    public const string Cron = "0 7/15 * * * *";

    // A scan that fails is simply the next one 15 minutes later: retrying at once would load the whole store again.
    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rules = checks.Current.QualityRules;
        if (rules.Count == 0) return;
        await scanner.ScanAsync(rules, cancellationToken);
    }
}
