using Monitoring.Charts;
using Monitoring.Checks;
using Monitoring.Mail;
using Monitoring.Metrics;

namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// After each rollup run: finds the anomalies of yesterday and of the last complete ISO week, publishes them as the
/// <c>shopmon_kpi_anomaly</c> gauge, and queues one <c>kpi-anomaly</c> email per anomaly and recipient of the route the
/// KPI names (<see cref="KpiDefinition.AlertTeam"/> matched in <c>checks/alerts.yaml</c>, severity warning). The
/// outbox's key <c>{kpi}:{day|week}:{period}</c> makes every run after the first a no-op for the same anomaly.
/// </summary>
public sealed class KpiAnomalyAlerts(KpiAnomalyFinder finder, ActiveChecks checks, TimeProvider time, ILogger<KpiAnomalyAlerts> logger,
    MonitoringMetrics? metrics = null, IMailOutbox? outbox = null)
{
    /// <summary>The severity anomaly alerts are routed with: a KPI out of its range is worth reading, not waking up for.</summary>
    public const string Severity = "warning";

    /// <summary>Scans yesterday and the last complete week; returns the anomalies found.</summary>
    public async Task<IReadOnlyList<KpiAnomaly>> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ShopDays.Of(checks.Current).DayOf(now);
        var found = new List<KpiAnomaly>();
        foreach (var period in new[] { Period.Day(today.AddDays(-1)), KpiReport.LastCompleteWeek(today) })
        {
            var scan = await finder.ScanAsync(period, cancellationToken);
            metrics?.RecordKpiAnomalies(KpiAnomaly.GrainName(period), scan.Directions);
            found.AddRange(scan.Anomalies);
        }
        var queued = 0;
        foreach (var anomaly in found)
            queued += await QueueAsync(anomaly, now, cancellationToken);
        if (found.Count > 0)
            logger.LogInformation("KPI anomalies: {Found} found ({Kpis}), {Queued} email(s) newly queued",
                found.Count, string.Join(", ", found.Select(a => a.Key)), queued);
        return found;
    }

    private async Task<int> QueueAsync(KpiAnomaly anomaly, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var route = checks.Current.Alerts.Match(anomaly.Kpi.AlertTeam, Severity);
        if (route is null || route.To.Count == 0) return 0;
        if (outbox is null)
        {
            logger.LogDebug("KPI anomaly {Key} not mailed: the service has no mail outbox", anomaly.Key);
            return 0;
        }
        var chart = KpiAnomalyChart.RenderPng(anomaly);
        var queued = 0;
        foreach (var recipient in route.To)
            if (await outbox.EnqueueAsync(KpiAnomalyMail.Compose(anomaly, chart, recipient, route.Name), now, cancellationToken))
                queued++;
        return queued;
    }
}
