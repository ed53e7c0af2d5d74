namespace Monitoring.Probes;

/// <summary>A probe as declared in <c>checks/probes/*.yaml</c>, validated.</summary>
/// <param name="Id">Stable identifier: the metric label, the job id and the key in storage.</param>
/// <param name="Name">Human-readable name for pages and alerts.</param>
/// <param name="Kind">The probe kind, such as <c>http</c>.</param>
/// <param name="Interval">How often it runs.</param>
/// <param name="Timeout">How long one run may take before it counts as failed.</param>
/// <param name="Team">The team that owns it, for alert routing; null when unassigned.</param>
/// <param name="Settings">The kind-specific settings.</param>
/// <param name="Source">Where it was declared, as <c>file:line</c>.</param>
public sealed record ProbeDefinition(
    string Id,
    string Name,
    string Kind,
    TimeSpan Interval,
    TimeSpan Timeout,
    string? Team,
    IProbeSettings Settings,
    string Source)
{
    /// <summary>Retries, thresholds, flapping, dependencies and maintenance windows of the check.</summary>
    public Incidents.CheckPolicy Policy { get; init; } = Incidents.CheckPolicy.Default;

    /// <summary>How urgent its outage is, for alert routing: <c>critical</c> (default) or <c>warning</c>.</summary>
    public string Severity { get; init; } = "critical";

    /// <summary>The YAML path of the declaration, like <c>probes[2]</c>, for errors found across files.</summary>
    public string YamlPath { get; init; } = "";
}
