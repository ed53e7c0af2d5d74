using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Metrics;
using Monitoring.Scheduling;

namespace Monitoring.Tests.Scheduling;

public sealed class JobQueueMetricsTests
{
    [Fact]
    public void Each_scrape_publishes_the_jobs_waiting_for_a_worker_and_the_delayed_ones()
    {
        using var storage = new InMemoryStorage();
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new MonitoringMetrics(registry);
        var gauges = new JobQueueMetrics(storage, metrics, registry, NullLogger<JobQueueMetrics>.Instance);
        var client = new BackgroundJobClient(storage);

        client.Enqueue<RetentionJob>(j => j.RunAsync(CancellationToken.None));
        client.Enqueue<RetentionJob>(j => j.RunAsync(CancellationToken.None));
        client.Schedule<RetentionJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromHours(1));
        gauges.Refresh();

        Assert.Equal(2, metrics.SchedulerJobs.WithLabels("enqueued").Value);
        Assert.Equal(1, metrics.SchedulerJobs.WithLabels("scheduled").Value);
        Assert.Equal(0, metrics.SchedulerJobs.WithLabels("processing").Value);
    }
}
