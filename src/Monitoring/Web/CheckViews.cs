using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>One row of the checks list: what ops look at first.</summary>
public sealed record CheckRow(
    ProbeDefinition Check,
    CheckState? State,
    ProbeResult? LastResult,
    IReadOnlyList<AvailabilityWindow> Availability,
    LatencySummary Latency24h,
    Incident? OpenIncident)
{
    public string StatusName => State is null ? "unknown" : State.Status.ToString().ToLowerInvariant();
}

/// <summary>A check's page: its row, recent runs, monthly availability and incidents.</summary>
public sealed record CheckDetail(CheckRow Row, IReadOnlyList<ProbeResult> RecentRuns, IReadOnlyList<AvailabilityWindow> Monthly,
    IReadOnlyList<Incident> Incidents)
{
    /// <summary>MTTD, MTTA and MTTR over the incidents detected in the last 30 days.</summary>
    public IncidentStatistics Last30Days(DateTimeOffset now) => IncidentStatistics.Of(Incidents.Where(i => i.DetectedAt >= now.AddDays(-30)));
}

/// <summary>Assembles what the pages and the JSON API show, so that both always say the same.</summary>
public sealed class CheckViews(ActiveChecks checks, IProbeStore probes, IIncidentStore incidents, AvailabilityReport availability, TimeProvider time)
{
    public async Task<IReadOnlyList<CheckRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(checks.Current.Probes, cancellationToken);
        // Worst first: what is down is what ops came for.
        return rows.OrderBy(r => Severity(r)).ThenBy(r => r.Check.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<CheckDetail?> DetailAsync(string id, CancellationToken cancellationToken)
    {
        if (checks.Current.FindProbe(id) is not { } check) return null;
        var row = (await RowsAsync([check], cancellationToken))[0];
        var now = time.GetUtcNow();
        var recent = await probes.ResultsAsync(id, now.AddHours(-24), now.AddMinutes(1), cancellationToken);
        var monthly = await availability.MonthlyAsync(id, now, 3, cancellationToken);
        var history = await incidents.ListIncidentsAsync(id, 50, cancellationToken);
        return new CheckDetail(row, recent, monthly, history);
    }

    private async Task<IReadOnlyList<CheckRow>> RowsAsync(IReadOnlyList<ProbeDefinition> which, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var states = (await incidents.ListStatesAsync(cancellationToken)).ToDictionary(s => s.CheckId);
        var summaries = (await probes.SummariseAsync(now.AddHours(-24), cancellationToken)).ToDictionary(s => s.Probe.Id);
        var durations = await probes.UpDurationsAsync(now.AddHours(-24), cancellationToken);
        var open = (await incidents.ListIncidentsAsync(null, 1000, cancellationToken)).Where(i => i.IsOpen)
            .GroupBy(i => i.CheckId).ToDictionary(g => g.Key, g => g.First());

        var rows = new List<CheckRow>();
        foreach (var check in which)
        {
            rows.Add(new CheckRow(check, states.GetValueOrDefault(check.Id), summaries.GetValueOrDefault(check.Id)?.LastResult,
                await availability.RollingAsync(check.Id, now, cancellationToken),
                LatencySummary.Of(durations.GetValueOrDefault(check.Id) ?? []), open.GetValueOrDefault(check.Id)));
        }
        return rows;
    }

    private static int Severity(CheckRow row) => row.State?.Status switch
    {
        CheckStatus.Down => 0,
        CheckStatus.Recovering => 1,
        CheckStatus.Pending => 2,
        CheckStatus.Degraded => 3,
        CheckStatus.Unknown or null => 4,
        _ => 5,
    };
}
