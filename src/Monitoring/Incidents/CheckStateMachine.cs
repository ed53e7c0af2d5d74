using Monitoring.Probes;

namespace Monitoring.Incidents;

/// <summary>What the machine needs to know about the world besides the result.</summary>
/// <param name="InMaintenance">The result came inside one of the check's maintenance windows.</param>
/// <param name="DownParent">The id of a parent check that is down, if any.</param>
public sealed record CheckContext(bool InMaintenance, string? DownParent);

/// <summary>
/// The per-check state machine, a pure function: state + result + policy → next state + events. No clock, no I/O,
/// so every rule is tested from a table. Rules:
/// <list type="bullet">
/// <item>A failed run moves Up/Degraded/Unknown to Pending; failure-threshold failed runs in a row move it to Down and open an incident.</item>
/// <item>A run that is up moves Pending back without an incident; from Down it moves to Recovering, and recovery-threshold
/// such runs in a row resolve the incident.</item>
/// <item>A degraded run is up: it counts toward recovery and shows as Degraded.</item>
/// <item>In maintenance, failures still move the state, but an incident opened then is held back; its resolution is sent,
/// and if the check is still down when the window closes, the alert is released then.</item>
/// <item>While a parent is down, a child's incident opens held back; its resolution is sent, and the alert is released
/// if the child is still down once the parent is back.</item>
/// <item>Flapping (many up/down changes in a window) holds back new incidents' alerts until it calms down.</item>
/// </list>
/// </summary>
public static class CheckStateMachine
{
    public static (CheckState Next, IReadOnlyList<CheckEvent> Events) Apply(
        CheckState state, ProbeResult result, CheckPolicy policy, CheckContext context)
    {
        var at = result.StartedAt + result.Duration;
        var events = new List<CheckEvent>();
        var failures = result.IsUp ? 0 : state.ConsecutiveFailures + 1;
        var successes = result.IsUp ? state.ConsecutiveSuccesses + 1 : 0;
        var firstFailure = result.IsUp
            ? (state.IsDown ? state.FirstFailureAt : null)
            : state.FirstFailureAt ?? result.StartedAt;

        var status = Next(state.Status, result, failures, successes, policy);
        var transitions = state.Transitions.Where(t => t > at - policy.FlappingWindow).ToList();
        var wentDown = status == CheckStatus.Down && !state.IsDown;
        var cameUp = !status.IsDownStatus() && state.IsDown;
        if (wentDown || cameUp) transitions.Add(at);
        var flapping = transitions.Count >= policy.FlappingTransitions;

        var heldBack = context.InMaintenance ? "in a maintenance window"
            : context.DownParent is { } parent ? $"depends on '{parent}', which is down"
            : flapping ? "flapping"
            : null;
        var alertHeldBack = state.AlertHeldBack;

        if (flapping != state.Flapping) events.Add(new FlappingChanged(state.CheckId, at, flapping));
        if (wentDown)
        {
            events.Add(new IncidentOpened(state.CheckId, at, firstFailure ?? result.StartedAt, result.Failure, result.Message,
                heldBack is null, heldBack));
            alertHeldBack = heldBack is not null;
        }
        else if (status == CheckStatus.Down && state.AlertHeldBack && heldBack is null)
        {
            // Maintenance ended or the parent recovered, and this check is still down: it is a real outage of its own.
            events.Add(new IncidentAlertReleased(state.CheckId, at, result.Message));
            alertHeldBack = false;
        }
        if (cameUp) events.Add(new IncidentResolved(state.CheckId, at, result.Message));
        if (status != state.Status) events.Add(new StatusChanged(state.CheckId, at, state.Status, status));

        var next = state with
        {
            Status = status,
            Since = status == state.Status ? state.Since : at,
            ConsecutiveFailures = failures,
            ConsecutiveSuccesses = successes,
            FirstFailureAt = status.IsDownStatus() || status == CheckStatus.Pending ? firstFailure : null,
            LastEvaluatedAt = at,
            Transitions = transitions,
            InMaintenance = context.InMaintenance,
            Flapping = flapping,
            AlertHeldBack = status.IsDownStatus() && alertHeldBack,
        };
        return (next, events);
    }

    private static CheckStatus Next(CheckStatus current, ProbeResult result, int failures, int successes, CheckPolicy policy)
    {
        var upStatus = result.Outcome == ProbeOutcome.Degraded ? CheckStatus.Degraded : CheckStatus.Up;
        if (!result.IsUp)
        {
            if (current is CheckStatus.Down or CheckStatus.Recovering) return CheckStatus.Down;
            return failures >= policy.FailureThreshold ? CheckStatus.Down : CheckStatus.Pending;
        }
        if (current is CheckStatus.Down or CheckStatus.Recovering)
            return successes >= policy.RecoveryThreshold ? upStatus : CheckStatus.Recovering;
        return upStatus;
    }

    private static bool IsDownStatus(this CheckStatus status) => status is CheckStatus.Down or CheckStatus.Recovering;
}
