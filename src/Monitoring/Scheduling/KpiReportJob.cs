using Hangfire;
using Monitoring.Kpis.Reports;

namespace Monitoring.Scheduling;

/// <summary>Every quarter of an hour: queues the weekly report or the monthly pack when it is due and not queued yet.</summary>
public sealed class KpiReportJob(KpiReportMailer mailer)
{
    public const string JobId = "system:kpi-report";

    /// <summary>Every 15 minutes, at second 0: a report due at 07:00 is queued by 07:15 at the latest.</summary>
    public const string Cron = "0 */15 * * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public Task RunAsync(CancellationToken cancellationToken) => mailer.RunAsync(cancellationToken);
}
