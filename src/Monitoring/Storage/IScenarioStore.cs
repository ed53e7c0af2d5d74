using Monitoring.Scenarios;

namespace Monitoring.Storage;

/// <summary>The steps of scenario runs, keyed by the run id of their probe result.</summary>
public interface IScenarioStore
{
    /// <summary>Stores the steps of one run, and the screenshots of its steps that carry one; recording the same run twice
    /// stores it once.</summary>
    Task RecordAsync(Guid runId, string scenarioId, DateTimeOffset startedAt, IReadOnlyList<StepResult> steps, CancellationToken cancellationToken);

    /// <summary>The steps of one run in order; empty when none were stored.</summary>
    Task<IReadOnlyList<StepResult>> StepsAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>The latest run of a scenario with its steps; null when it never ran.</summary>
    Task<ScenarioRunSteps?> LastRunAsync(string scenarioId, CancellationToken cancellationToken);

    /// <summary>The screenshot of a failed step of <paramref name="runId"/>, or when null of the scenario's latest run that
    /// has one; null when there is none (or the run is another scenario's).</summary>
    Task<StepScreenshot?> ScreenshotAsync(string scenarioId, Guid? runId, CancellationToken cancellationToken);

    /// <summary>Deletes the steps and screenshots of runs started before <paramref name="cutoff"/>; returns how many step rows.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>One stored run of a scenario: when it started and its steps in order.</summary>
public sealed record ScenarioRunSteps(Guid RunId, DateTimeOffset StartedAt, IReadOnlyList<StepResult> Steps);

/// <summary>The PNG of the page where a step of a browser scenario failed.</summary>
public sealed record StepScreenshot(Guid RunId, int StepIndex, DateTimeOffset StartedAt, byte[] Png);
