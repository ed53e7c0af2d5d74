using Monitoring.Probes;

namespace Monitoring.Checks;

/// <summary>Everything <c>checks/</c> declares, validated as a whole. Immutable: a reload builds a new one.</summary>
/// <param name="Directory">The folder it was read from.</param>
/// <param name="Settings">The general settings of <c>monitoring.yaml</c>.</param>
/// <param name="Probes">Every probe, in file order.</param>
public sealed record CheckSet(string Directory, MonitoringSettings Settings, IReadOnlyList<ProbeDefinition> Probes)
{
    /// <summary>Who is told about incidents (<c>alerts.yaml</c>); nobody when the file is absent.</summary>
    public Alerting.AlertRoutes Alerts { get; init; } = Alerting.AlertRoutes.None;

    /// <summary>Where the shop's data comes from (<c>checks/sources/*.yaml</c>), in file order.</summary>
    public IReadOnlyList<Shop.Sources.SourceDefinition> Sources { get; init; } = [];

    /// <summary>The data-quality rules (<c>checks/quality/*.yaml</c>), in file order.</summary>
    public IReadOnlyList<Quality.QualityRuleDefinition> QualityRules { get; init; } = [];

    /// <summary>The KPI targets (<c>checks/kpis/targets.yaml</c>), in file order; none when the file is absent.</summary>
    public IReadOnlyList<Kpis.KpiTarget> KpiTargets { get; init; } = [];

    /// <summary>The business calendar of <c>kpis/calendar.yaml</c> (holidays and peaks the KPI anomaly detector leaves out).</summary>
    public Kpis.Calendar.CalendarDefinition KpiCalendar { get; init; } = Kpis.Calendar.CalendarDefinition.Default;

    public Shop.Sources.SourceDefinition? FindSource(string id) => Sources.FirstOrDefault(s => s.Id == id);

    public ProbeDefinition? FindProbe(string id) => Probes.FirstOrDefault(p => p.Id == id);
}
