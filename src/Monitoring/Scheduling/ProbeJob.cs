using Hangfire;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>
/// The Hangfire job behind every probe: run it, publish the result, store it, move the check's state. When the
/// database fails, the result is held in memory (<see cref="HeldProbeResults"/>) and the check's state is left as it
/// was: a database outage is a monitoring error, counted in <c>shopmon_monitoring_errors_total</c>, never the shop's downtime.
/// </summary>
public sealed class ProbeJob(
    ActiveChecks checks,
    ProbeRunner runner,
    IProbeStore store,
    HeldProbeResults held,
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

        if (!await TryRecordAsync(result, cancellationToken)) return;
        IReadOnlyList<CheckEvent> events;
        try
        {
            events = await evaluator.EvaluateAsync(probe, result, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            // The state is saved in one transaction, so nothing half-moved: the next run that is stored moves it.
            metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorCheckNotEvaluated).Inc();
            logger.LogWarning("Probe {Probe}: its check's state was not updated, the database is unavailable ({Reason}); " +
                              "a monitoring error, not the shop's", probe.Id, $"{e.GetType().Name}: {e.Message}");
            return;
        }
        await alerts.HandleAsync(probe, events, cancellationToken);
    }

    /// <summary>Stores the result, then any held while the database was away; false when it had to be held itself.</summary>
    private async Task<bool> TryRecordAsync(ProbeResult result, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordAsync(result, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            held.Hold(result, e);
            return false;
        }
        try
        {
            await held.WriteHeldAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            // Away again between the two writes: they stay held for the next run.
        }
        return true;
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
