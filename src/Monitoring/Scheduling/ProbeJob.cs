using Hangfire;
using Monitoring.Checks;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>The Hangfire job behind every probe: run it, publish the result, store it.</summary>
public sealed class ProbeJob(
    ActiveChecks checks,
    ProbeRunner runner,
    IProbeStore store,
    MonitoringMetrics metrics,
    ILogger<ProbeJob> logger)
{
    // A late retry would record a stale result as if it were current: the next scheduled run is the retry.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(string probeId, CancellationToken cancellationToken)
    {
        if (checks.Current.FindProbe(probeId) is not { } probe)
        {
            logger.LogInformation("Probe {Probe} is no longer configured; skipping its run", probeId);
            return;
        }

        var result = await runner.RunAsync(probe, cancellationToken);
        // Metrics first: a scrape must show the shop's state even while the database is unreachable.
        metrics.RecordProbeResult(result);
        if (result.Outcome == ProbeOutcome.Pass)
            logger.LogDebug("Probe {Probe} passed: {Message}", probe.Id, result.Message);
        else
            logger.LogWarning("Probe {Probe} failed against {Target}: {Message}", probe.Id, probe.Settings.Target, result.Message);

        await store.RecordAsync(result, cancellationToken);
    }
}
