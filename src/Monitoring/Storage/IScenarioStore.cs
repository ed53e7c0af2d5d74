using Monitoring.Scenarios;

namespace Monitoring.Storage;

/// <summary>The steps of scenario runs, keyed by the run id of their probe result.</summary>
public interface IScenarioStore
{
    /// <summary>Stores the steps of one run; recording the same run twice stores it once.</summary>
    Task RecordAsync(Guid runId, string scenarioId, DateTimeOffset startedAt, IReadOnlyList<StepResult> steps, CancellationToken cancellationToken);

    /// <summary>The steps of one run in order; empty when none were stored.</summary>
    Task<IReadOnlyList<StepResult>> StepsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>The latest run of a scenario with its steps; null when it never ran.</summary>
    Task<ScenarioRunSteps?> LastRunAsync(string scenarioId, CancellationToken cancellationToken);

    /// <summary>Deletes the steps of runs started before <paramref name="cutoff"/>; returns how many rows.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>One stored run of a scenario: when it started and its steps in order.</summary>
public sealed record ScenarioRunSteps(Guid RunId, DateTimeOffset StartedAt, IReadOnlyList<StepResult> Steps);
