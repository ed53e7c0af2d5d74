namespace Monitoring.Probes;

/// <summary>The outcome of one probe run.</summary>
public enum ProbeOutcome
{
    /// <summary>Every expectation held.</summary>
    Pass,

    /// <summary>The target answered correctly but past a degraded threshold (slow, a certificate near expiry …).</summary>
    Degraded,

    /// <summary>The target failed at least one expectation, or could not be reached.</summary>
    Fail,
}

/// <summary>Why a run failed, as a small fixed set: a metric label, and the failure class of an incident.</summary>
public enum FailureClass
{
    None,
    Dns,
    Connect,
    Tls,
    Timeout,
    HttpStatus,
    Assertion,
    Latency,
    ProbeError,
}

/// <summary>What one run of a probe found.</summary>
/// <param name="RunId">Unique per run, so that recording a result twice stores it once.</param>
/// <param name="ProbeId">The probe's id.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Duration">How long the run took, up to the timeout.</param>
/// <param name="Outcome">Pass, degraded or fail.</param>
/// <param name="StatusCode">The protocol's status (an HTTP status), when one came back.</param>
/// <param name="Message">On failure, every failed expectation with what was expected and what came; on success, a short summary.</param>
public sealed record ProbeResult(
    Guid RunId,
    string ProbeId,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    ProbeOutcome Outcome,
    int? StatusCode,
    string Message)
{
    /// <summary>The target worked: it passed, perhaps degraded. Only <see cref="ProbeOutcome.Fail"/> counts as down.</summary>
    public bool IsUp => Outcome != ProbeOutcome.Fail;

    /// <summary>The first reason the run did not pass; <see cref="FailureClass.None"/> when it passed.</summary>
    public FailureClass Failure { get; init; }

    /// <summary>Durations of the run's phases, keyed like blackbox_exporter's: <c>resolve</c>, <c>connect</c>, <c>tls</c>,
    /// <c>processing</c> (to the first byte), <c>transfer</c>. Empty when the kind has no phases.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>When the server's certificate expires, for kinds that see one.</summary>
    public DateTimeOffset? CertificateExpiresAt { get; init; }

    /// <summary>Value equality, phases compared by content (a record would compare the dictionaries by reference).</summary>
    public bool Equals(ProbeResult? other) =>
        other is not null &&
        (RunId, ProbeId, StartedAt, Duration, Outcome, StatusCode, Message, Failure, CertificateExpiresAt) ==
        (other.RunId, other.ProbeId, other.StartedAt, other.Duration, other.Outcome, other.StatusCode, other.Message, other.Failure,
            other.CertificateExpiresAt) &&
        Phases.Count == other.Phases.Count &&
        Phases.All(p => other.Phases.TryGetValue(p.Key, out var value) && value == p.Value);

    public override int GetHashCode() => HashCode.Combine(RunId, ProbeId, StartedAt, Outcome);
}
