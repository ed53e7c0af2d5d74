using Monitoring.Probes;

namespace Monitoring.Incidents;

/// <summary>Something the state machine decided that the rest of the service must act on.</summary>
public abstract record CheckEvent(string CheckId, DateTimeOffset At);

/// <summary>The check went down: open an incident.</summary>
/// <param name="FirstFailureAt">The first failing run (MTTD is measured from here).</param>
/// <param name="Failure">The failure class of the run that crossed the threshold.</param>
/// <param name="Message">What failed, expected against actual.</param>
/// <param name="Notify">False when the alert is held back (a parent check is down, the check flaps, or it is in maintenance).</param>
/// <param name="HeldBackBecause">Why it is held back, for the incident's timeline.</param>
public sealed record IncidentOpened(string CheckId, DateTimeOffset At, DateTimeOffset FirstFailureAt, FailureClass Failure,
    string Message, bool Notify, string? HeldBackBecause) : CheckEvent(CheckId, At);

/// <summary>The check recovered: resolve its incident. Resolutions are always sent, even when the opening was held back.</summary>
public sealed record IncidentResolved(string CheckId, DateTimeOffset At, string Message) : CheckEvent(CheckId, At);

/// <summary>The check's status changed (for the timeline, the state metric and pages).</summary>
public sealed record StatusChanged(string CheckId, DateTimeOffset At, CheckStatus From, CheckStatus To) : CheckEvent(CheckId, At);

/// <summary>The check started or stopped flapping.</summary>
public sealed record FlappingChanged(string CheckId, DateTimeOffset At, bool Flapping) : CheckEvent(CheckId, At);

/// <summary>An incident whose alert was held back is still open now that the reason is gone: send its alert now.</summary>
public sealed record IncidentAlertReleased(string CheckId, DateTimeOffset At, string Message) : CheckEvent(CheckId, At);
