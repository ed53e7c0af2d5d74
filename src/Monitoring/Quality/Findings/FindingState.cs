namespace Monitoring.Quality.Findings;

/// <summary>Where a finding is in its workflow.</summary>
public enum FindingStatus
{
    /// <summary>Failing and waiting for someone.</summary>
    Open,

    /// <summary>Failing; someone has taken it on.</summary>
    Acknowledged,

    /// <summary>Failing, but a person decided it is not a defect, with a reason and usually an expiry.</summary>
    Ignored,

    /// <summary>Passed a later scan that covered it.</summary>
    Resolved,
}

/// <summary>
/// A stored finding: one row of the findings table, keyed by (<see cref="RuleId"/>, <see cref="Entity"/>,
/// <see cref="Key"/>). The evidence fields repeat the latest <see cref="QualityFinding"/>.
/// </summary>
public sealed record FindingState
{
    public required string RuleId { get; init; }
    public required string Entity { get; init; }
    public required string Key { get; init; }
    public required FindingStatus Status { get; init; }
    public required QualitySeverity Severity { get; init; }
    public required QualityDimension Dimension { get; init; }
    public string? Field { get; init; }
    public string? Value { get; init; }
    public required string Message { get; init; }
    public string? Fix { get; init; }
    public string? Team { get; init; }

    /// <summary>Severity weight × the record's business weight: the work list's order.</summary>
    public double Priority { get; init; }

    /// <summary>Of the evidence: a change re-opens an ignored finding.</summary>
    public required string Fingerprint { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }
    public required DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How many times it came back after being resolved (regressions).</summary>
    public int ReopenCount { get; init; }

    public string? AcknowledgedBy { get; init; }
    public string? IgnoreReason { get; init; }

    /// <summary>When an ignore ends; null ignores until the evidence changes.</summary>
    public DateTimeOffset? IgnoredUntil { get; init; }

    /// <summary>A new open finding first seen now.</summary>
    public static FindingState From(QualityFinding finding, DateTimeOffset at) => new()
    {
        RuleId = finding.RuleId, Entity = finding.Entity, Key = finding.Key, Status = FindingStatus.Open,
        Severity = finding.Severity, Dimension = finding.Dimension, Field = finding.Field, Value = finding.Value,
        Message = finding.Message, Fix = finding.Fix, Team = finding.Team, Priority = finding.Priority,
        Fingerprint = finding.Fingerprint, FirstSeenAt = at, LastSeenAt = at,
    };

    /// <summary>This state with the latest evidence of a scan that saw it failing.</summary>
    public FindingState SeenAgain(QualityFinding finding, DateTimeOffset at) => this with
    {
        Severity = finding.Severity, Dimension = finding.Dimension, Field = finding.Field, Value = finding.Value,
        Message = finding.Message, Fix = finding.Fix, Team = finding.Team, Priority = finding.Priority,
        Fingerprint = finding.Fingerprint, LastSeenAt = at,
    };
}
