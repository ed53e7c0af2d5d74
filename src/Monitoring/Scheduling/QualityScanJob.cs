using Hangfire;
using Monitoring.Checks;
using Monitoring.Metrics;
using Monitoring.Quality;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>
/// Scans the store with the configured quality rules every 15 minutes: findings, scores and metrics. A scan stopped by
/// a database outage runs again, whole, as soon as the database answers: findings and the day's scores are keyed
/// (rule, entity, key) and (day, domain), so the second run updates what the first wrote, never duplicates it.
/// </summary>
public sealed class QualityScanJob(ActiveChecks checks, QualityScanner scanner, IStorageHealth storage, MonitoringMetrics metrics,
    TimeProvider time, ILogger<QualityScanJob> logger)
{
    public const string JobId = "system:quality-scan";

    /// <summary>Every 15 minutes, at minute 7 of each quarter, away from the hour's imports and retention.</summary>
    public const string Cron = "0 7/15 * * * *";

    /// <summary>Runs of one scan at most, the first included, when the database fails during them.</summary>
    public const int Attempts = 3;

    /// <summary>How long a stopped scan waits for the database before it gives up until its next schedule.</summary>
    public static readonly TimeSpan DatabaseWait = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(2);

    // Any other failure is simply the next scan 15 minutes later: retrying at once would load the whole store again.
    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rules = checks.Current.QualityRules;
        if (rules.Count == 0) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await scanner.ScanAsync(rules, cancellationToken);
                return;
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorQualityScan).Inc();
                var reason = $"{e.GetType().Name}: {e.Message}";
                if (attempt == Attempts || !await WaitForDatabaseAsync(cancellationToken))
                {
                    logger.LogError("Quality scan stopped, the database is unavailable ({Reason}); attempt {Attempt} of {Attempts}, " +
                                    "left to the next scheduled scan", reason, attempt, Attempts);
                    throw;
                }
                logger.LogWarning("Quality scan stopped, the database was unavailable ({Reason}); it answers again: scanning again " +
                                  "(attempt {Attempt} of {Attempts})", reason, attempt + 1, Attempts);
            }
        }
    }

    /// <summary>Pings the database until it answers (true) or <see cref="DatabaseWait"/> passes (false).</summary>
    private async Task<bool> WaitForDatabaseAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + DatabaseWait;
        while (time.GetUtcNow() < deadline)
        {
            await Task.Delay(PingInterval, time, cancellationToken);
            try
            {
                await storage.PingAsync(cancellationToken);
                return true;
            }
            catch (Exception e) when (StorageFailure.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
            }
        }
        return false;
    }
}
