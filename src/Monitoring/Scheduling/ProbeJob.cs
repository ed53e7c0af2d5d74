using Hangfire;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>The Hangfire job behind every probe: run it, publish the result, store it.</summary>
public sealed class ProbeJob(
    ActiveChecks checks,
    ProbeRunner runner,
    IProbeStore store,
    CheckEvaluator evaluator,
    AlertPipeline alerts,
    MonitoringMetrics metrics,
    TimeProvider time,
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

        var result = await RunWithRetriesAsync(probe, cancellationToken);
        // Metrics first: a scrape must show the shop's state even while the database is unreachable.
        metrics.RecordProbeResult(result);
        if (result.Outcome == ProbeOutcome.Pass)
            logger.LogDebug("Probe {Probe} passed: {Message}", probe.Id, result.Message);
        else
            logger.LogWarning("Probe {Probe} failed against {Target}: {Message}", probe.Id, probe.Settings.Target, result.Message);

        await store.RecordAsync(result, cancellationToken);
        var events = await evaluator.EvaluateAsync(probe, result, cancellationToken);
        await alerts.HandleAsync(probe, events, cancellationToken);
    }

    /// <summary>A failed attempt is tried again, a little later, before the run counts as failed: one lost packet is not an outage.</summary>
    private async Task<ProbeResult> RunWithRetriesAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(probe, cancellationToken);
        for (var retry = 1; !result.IsUp && retry <= probe.Policy.Retries; retry++)
        {
            logger.LogDebug("Probe {Probe} failed ({Message}); retry {Retry} of {Retries}", probe.Id, result.Message, retry, probe.Policy.Retries);
            await Task.Delay(probe.Policy.RetryInterval, time, cancellationToken);
            result = await runner.RunAsync(probe, cancellationToken);
        }
        return result.IsUp || probe.Policy.Retries == 0
            ? result
            : result with { Message = $"{result.Message} (after {probe.Policy.Retries} retries)" };
    }
}
