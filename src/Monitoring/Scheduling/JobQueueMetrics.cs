using Hangfire;
using Monitoring.Metrics;
using Prometheus;

namespace Monitoring.Scheduling;

/// <summary>
/// Publishes <c>shopmon_scheduler_jobs{state}</c> on each scrape: the background jobs waiting for a worker
/// (enqueued), delayed (scheduled) and running (processing), as Hangfire's storage counts them. A queue that grows
/// from scrape to scrape means the workers no longer keep up with the schedules.
/// </summary>
public sealed class JobQueueMetrics(JobStorage storage, MonitoringMetrics metrics, CollectorRegistry registry, ILogger<JobQueueMetrics> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        registry.AddBeforeCollectCallback(Refresh);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the counts now; on a storage error the gauges keep their last values (a scrape must not fail).</summary>
    public void Refresh()
    {
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            metrics.SchedulerJobs.WithLabels("enqueued").Set(statistics.Enqueued);
            metrics.SchedulerJobs.WithLabels("scheduled").Set(statistics.Scheduled);
            metrics.SchedulerJobs.WithLabels("processing").Set(statistics.Processing);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "Could not count the background jobs for /metrics");
        }
    }
}
