using Hangfire;
using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;

namespace Monitoring.Scheduling;

/// <summary>
/// Every ten minutes: recomputes the daily KPI rollup of the days whose data changed, keeps today's stock figures in
/// the stock history, then looks for anomalies of yesterday and the last complete week and queues their alerts (each
/// once).
/// </summary>
public sealed class KpiJob(KpiRunner runner, KpiAnomalyAlerts? anomalies = null, StockHistoryRecorder? stock = null)
{
    public const string JobId = "system:kpis";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await runner.RunAsync(recomputeAll: false, null, cancellationToken);
        if (stock is not null) await stock.RecordTodayAsync(cancellationToken);
        if (anomalies is not null) await anomalies.RunAsync(cancellationToken);
    }
}
