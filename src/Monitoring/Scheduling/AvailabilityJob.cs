using Hangfire;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Metrics;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>Every minute: publishes each check's availability per window and the open incidents per team and severity.</summary>
public sealed class AvailabilityJob(
    ActiveChecks checks,
    AvailabilityReport report,
    IIncidentStore incidents,
    MonitoringMetrics metrics,
    TimeProvider time)
{
    public const string JobId = "system:availability";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = checks.Current;
        foreach (var probe in current.Probes)
        {
            foreach (var window in await report.RollingAsync(probe.Id, now, cancellationToken))
            {
                if (window.Totals.Ratio is { } ratio)
                    metrics.Availability.WithLabels(probe.Id, window.Window).Set(ratio);
            }
        }

        var open = (await incidents.ListIncidentsAsync(null, 1000, cancellationToken)).Where(i => i.IsOpen).ToList();
        var counts = open.Select(i => current.FindProbe(i.CheckId))
            .GroupBy(p => (Team: p?.Team ?? "none", Severity: p?.Severity ?? "critical"))
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var team in current.Probes.Select(p => p.Team ?? "none").Append("none").Distinct())
        foreach (var severity in new[] { "critical", "warning" })
            metrics.IncidentsOpen.WithLabels(team, severity).Set(counts.GetValueOrDefault((team, severity)));
    }
}
