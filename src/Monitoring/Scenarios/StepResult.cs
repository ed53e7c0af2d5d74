using Monitoring.Probes;

namespace Monitoring.Scenarios;

/// <summary>How one step of a run ended.</summary>
public enum StepOutcome
{
    Pass,

    /// <summary>Answered as expected, but past a degraded latency threshold.</summary>
    Degraded,

    Fail,

    /// <summary>Not run: an earlier step failed, or a cleanup step lacked a value no earlier step captured.</summary>
    Skipped,
}

/// <summary>What one step of one run found. Every text is redacted before it gets here.</summary>
/// <param name="Index">0-based position in the scenario.</param>
/// <param name="StepId">The step's id (the metric label).</param>
/// <param name="Name">The step's name as written.</param>
/// <param name="Offset">When the step started, from the start of the run (the waterfall's left edge).</param>
/// <param name="Message">For a failed step the failed assertions with expected and actual values; else a summary.</param>
/// <param name="Excerpt">The start of the answer (its text for HTML), at most <see cref="ExcerptLength"/> characters.</param>
public sealed record StepResult(
    int Index,
    string StepId,
    string Name,
    StepOutcome Outcome,
    int? StatusCode,
    TimeSpan Offset,
    TimeSpan Duration,
    string Message,
    string? Excerpt)
{
    public const int ExcerptLength = 500;

    public FailureClass Failure { get; init; }

    /// <summary>A PNG of the page when a browser step failed; on its way to the store only (steps read back have none:
    /// the store serves it on its own).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Screenshot { get; init; }

    public static string NameOf(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static StepOutcome ParseOutcome(string text) => Enum.Parse<StepOutcome>(text, ignoreCase: true);
}
