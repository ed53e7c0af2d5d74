using Hangfire;
using Monitoring.Checks;
using Monitoring.Quality;

namespace Monitoring.Scheduling;

/// <summary>
/// Re-scores the records changed since the last quality scan, every <see cref="SchedulingOptions.QualityIncrementalInterval"/>
/// (2 minutes by default); runs a full scan instead when the rules changed (see <see cref="QualityScanner.ScanChangedAsync"/>).
/// </summary>
public sealed class QualityIncrementalJob(ActiveChecks checks, QualityScanner scanner)
{
    public const string JobId = "system:quality-incremental";

    // Like the full scan: a failed run is simply the next one a few minutes later, which reads the same changes again
    // (the watermark only moves when a scan succeeds).
    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rules = checks.Current.QualityRules;
        if (rules.Count == 0) return;
        await scanner.ScanChangedAsync(rules, cancellationToken);
    }
}
