using Monitoring.Probes;

namespace Monitoring.Checks;

/// <summary>Everything <c>checks/</c> declares, validated as a whole. Immutable: a reload builds a new one.</summary>
/// <param name="Directory">The folder it was read from.</param>
/// <param name="Settings">The general settings of <c>monitoring.yaml</c>.</param>
/// <param name="Probes">Every probe, in file order.</param>
public sealed record CheckSet(string Directory, MonitoringSettings Settings, IReadOnlyList<ProbeDefinition> Probes)
{
    public ProbeDefinition? FindProbe(string id) => Probes.FirstOrDefault(p => p.Id == id);
}
