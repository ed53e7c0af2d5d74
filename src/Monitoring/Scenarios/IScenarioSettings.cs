using Monitoring.Probes;

namespace Monitoring.Scenarios;

/// <summary>The settings of either kind of scenario (HTTP or browser): what the step metrics need to know.</summary>
public interface IScenarioSettings : IProbeSettings
{
    /// <summary>The ids of the steps in order (the <c>step</c> label of the step metrics).</summary>
    IReadOnlyList<string> StepIds { get; }
}
