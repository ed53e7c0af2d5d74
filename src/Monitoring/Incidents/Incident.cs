using Monitoring.Probes;

namespace Monitoring.Incidents;

/// <summary>An outage of one check, from its first failed run to its recovery.</summary>
public sealed record Incident(
    long Id,
    string CheckId,
    FailureClass Failure,
    string FirstMessage,
    string LastMessage,
    DateTimeOffset FirstFailureAt,
    DateTimeOffset DetectedAt,
    DateTimeOffset? NotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? HeldBackBecause)
{
    public bool IsOpen => ResolvedAt is null;

    /// <summary>Mean time to detect, for this incident: from the first failed run to the threshold being met.</summary>
    public TimeSpan TimeToDetect => DetectedAt - FirstFailureAt;

    /// <summary>From the first notification to the acknowledgement; null until both happened.</summary>
    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - NotifiedAt;

    /// <summary>From the first failed run to the resolution; null while open.</summary>
    public TimeSpan? TimeToResolve => ResolvedAt - FirstFailureAt;
}
