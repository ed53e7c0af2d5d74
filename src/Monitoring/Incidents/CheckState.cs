namespace Monitoring.Incidents;

/// <summary>Where a check stands, as the state machine sees it.</summary>
public enum CheckStatus
{
    /// <summary>No run yet.</summary>
    Unknown,

    /// <summary>The last runs passed.</summary>
    Up,

    /// <summary>Up, but past a degraded threshold (slow, certificate near expiry).</summary>
    Degraded,

    /// <summary>Failing, but not yet for failure-threshold runs: nobody is paged for a blip.</summary>
    Pending,

    /// <summary>Failed failure-threshold runs in a row: an incident is open.</summary>
    Down,

    /// <summary>Down and now passing, but not yet for recovery-threshold runs.</summary>
    Recovering,
}

/// <summary>The persisted state of one check; the state machine turns it and a new result into the next state.</summary>
/// <param name="CheckId">The check's id.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Since">When it entered that status.</param>
/// <param name="ConsecutiveFailures">Failed runs in a row.</param>
/// <param name="ConsecutiveSuccesses">Runs in a row that were up.</param>
/// <param name="FirstFailureAt">The first failed run of the current failure streak or incident.</param>
/// <param name="LastEvaluatedAt">When the last result was applied: availability counts time from here.</param>
/// <param name="Transitions">When it last changed between up and down, newest last, for flapping detection.</param>
/// <param name="InMaintenance">Whether the last result came inside a maintenance window.</param>
/// <param name="Flapping">Whether it changes up and down too often to page on each change.</param>
/// <param name="AlertHeldBack">Whether the open incident's alert is being held back (maintenance, a down parent, flapping).</param>
public sealed record CheckState(
    string CheckId,
    CheckStatus Status,
    DateTimeOffset Since,
    int ConsecutiveFailures,
    int ConsecutiveSuccesses,
    DateTimeOffset? FirstFailureAt,
    DateTimeOffset? LastEvaluatedAt,
    IReadOnlyList<DateTimeOffset> Transitions,
    bool InMaintenance,
    bool Flapping,
    bool AlertHeldBack = false)
{
    public static CheckState New(string checkId, DateTimeOffset now) =>
        new(checkId, CheckStatus.Unknown, now, 0, 0, null, null, [], false, false);

    /// <summary>Whether an incident is open for the check.</summary>
    public bool IsDown => Status is CheckStatus.Down or CheckStatus.Recovering;
}
