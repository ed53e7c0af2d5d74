using Hangfire.Common;
using Hangfire.Server;
using Monitoring.Checks;
using Monitoring.Metrics;

namespace Monitoring.Scheduling;

/// <summary>
/// A Hangfire server filter that observes <c>shopmon_scheduler_lag_seconds</c> as each probe job starts: how late the
/// run is against its schedule (<see cref="SchedulerLag"/>), queueing for a free worker included. It belongs to one
/// service instance (its checks, its metrics), so it is handed to that instance's Hangfire server through
/// <see cref="Provider"/> rather than added to Hangfire's process-wide filters.
/// </summary>
public sealed class SchedulerLagFilter(ActiveChecks checks, MonitoringMetrics metrics, TimeProvider time) : IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob;
        if (job.Job?.Type != typeof(ProbeJob) || job.Job.Args is not [string probeId, ..]) return;
        if (checks.Current.FindProbe(probeId) is not { } probe) return;
        var createdAt = new DateTimeOffset(DateTime.SpecifyKind(job.CreatedAt, DateTimeKind.Utc));
        if (SchedulerLag.Of(probe.Interval, probe.Id, createdAt, time.GetUtcNow()) is { } lag)
            metrics.SchedulerLag.Observe(lag.TotalSeconds);
    }

    public void OnPerformed(PerformedContext context)
    {
    }

    /// <summary>Hangfire's usual filters (global ones, attributes on jobs) plus this instance's lag filter and run marks.</summary>
    /// <remarks>The run marks exist only with Hangfire in memory (see <see cref="InterruptedRuns"/>).</remarks>
    public sealed class Provider(SchedulerLagFilter filter, InterruptedRuns? runs = null) : IJobFilterProvider
    {
        private readonly JobFilter[] _filters = runs is null
            ? [new(filter, JobFilterScope.Global, null)]
            : [new(filter, JobFilterScope.Global, null), new(runs, JobFilterScope.Global, null)];

        public IEnumerable<JobFilter> GetFilters(Job job) => JobFilterProviders.Providers.GetFilters(job).Concat(_filters);
    }
}
