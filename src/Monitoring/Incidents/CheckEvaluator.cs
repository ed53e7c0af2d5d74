using Monitoring.Checks;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Incidents;

/// <summary>
/// Applies a probe result to its check: loads the state, asks the maintenance windows and the parents, runs the state
/// machine, and stores the new state, the availability slices and the incident changes in one transaction.
/// </summary>
public sealed class CheckEvaluator(
    ActiveChecks checks,
    IIncidentStore store,
    MonitoringMetrics metrics,
    ILogger<CheckEvaluator> logger)
{
    public async Task<IReadOnlyList<CheckEvent>> EvaluateAsync(ProbeDefinition probe, ProbeResult result, CancellationToken cancellationToken)
    {
        var at = result.StartedAt + result.Duration;
        var previous = await store.GetStateAsync(probe.Id, cancellationToken) ?? CheckState.New(probe.Id, at);
        var context = new CheckContext(probe.Policy.InMaintenance(at), await DownParentAsync(probe, cancellationToken));

        var (next, events) = CheckStateMachine.Apply(previous, result, probe.Policy, context);
        var slices = Availability.Attribute(previous, at, probe.Interval);
        await store.SaveEvaluationAsync(next, slices, events, result.Message, cancellationToken);

        metrics.RecordCheckState(next);
        foreach (var change in events) Log(probe, change);
        return events;
    }

    private async Task<string?> DownParentAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        foreach (var parent in probe.Policy.DependsOn)
        {
            if (checks.Current.FindProbe(parent) is null) continue;
            if (await store.GetStateAsync(parent, cancellationToken) is { IsDown: true }) return parent;
        }
        return null;
    }

    private void Log(ProbeDefinition probe, CheckEvent change)
    {
        switch (change)
        {
            case IncidentOpened { Notify: true } opened:
                logger.LogWarning("Incident opened: {Check} is down since {FirstFailure:u}: {Message}", probe.Id, opened.FirstFailureAt, opened.Message);
                break;
            case IncidentOpened held:
                logger.LogWarning("Incident opened for {Check}, alert held back ({Reason}): {Message}", probe.Id, held.HeldBackBecause, held.Message);
                break;
            case IncidentAlertReleased:
                logger.LogWarning("Incident alert for {Check} released: still down after the reason to hold it back ended", probe.Id);
                break;
            case IncidentResolved:
                logger.LogInformation("Incident resolved: {Check} is up again", probe.Id);
                break;
            case FlappingChanged flapping:
                logger.LogWarning("{Check} {Change}", probe.Id, flapping.Flapping ? "is flapping: alerts held back" : "stopped flapping");
                break;
        }
    }
}
