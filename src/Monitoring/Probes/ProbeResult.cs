namespace Monitoring.Probes;

/// <summary>The outcome of one probe run.</summary>
public enum ProbeOutcome
{
    /// <summary>Every expectation held.</summary>
    Pass,

    /// <summary>The target failed at least one expectation, or could not be reached.</summary>
    Fail,
}

/// <summary>What one run of a probe found.</summary>
/// <param name="RunId">Unique per run, so that recording a result twice stores it once.</param>
/// <param name="ProbeId">The probe's id.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Duration">How long the run took, up to the timeout.</param>
/// <param name="Outcome">Pass or fail.</param>
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
    public bool Passed => Outcome == ProbeOutcome.Pass;
}
