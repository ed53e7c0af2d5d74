using Hangfire;
using Monitoring.Kpis;

namespace Monitoring.Scheduling;

/// <summary>Every ten minutes: recomputes the daily KPI rollup of the days whose data changed.</summary>
public sealed class KpiJob(KpiRunner runner)
{
    public const string JobId = "system:kpis";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public Task RunAsync(CancellationToken cancellationToken) => runner.RunAsync(recomputeAll: false, null, cancellationToken);
}
