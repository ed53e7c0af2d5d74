using Hangfire;
using Hangfire.Storage;
using Monitoring.Checks;

namespace Monitoring.Scheduling;

/// <summary>
/// The one place that turns <c>checks/</c> into recurring Hangfire jobs: it adds or updates a job per check and
/// removes the jobs whose check was removed. Job ids are <c>{kind}:{id}</c>, so ownership is visible in the dashboard.
/// </summary>
public sealed class JobCatalog(IRecurringJobManager jobs, JobStorage storage, ILogger<JobCatalog> logger, SchedulingOptions? options = null)
{
    public const string ProbePrefix = "probe:";

    /// <summary>One scheduled job, as shown in the start-up table.</summary>
    public sealed record Entry(string JobId, string Cron, TimeSpan Interval, string Target);

    /// <summary>The schedule that <paramref name="checks"/> asks for.</summary>
    public static IReadOnlyList<Entry> Plan(CheckSet checks) =>
        checks.Probes.Select(p =>
        {
            Schedules.TryToCron(p.Interval, p.Id, out var cron, out _);
            return new Entry(ProbePrefix + p.Id, cron, p.Interval, p.Settings.Target);
        }).Concat(checks.Sources.Where(s => s.Cron is not null).Select(s =>
            new Entry(SourceJob.Prefix + s.Id, s.Cron!, TimeSpan.Zero, $"{s.Kind} → {string.Join(", ", s.Entities)}"))).ToList();

    /// <summary>Makes Hangfire's recurring jobs match <paramref name="checks"/>; returns the plan applied.</summary>
    public IReadOnlyList<Entry> Apply(CheckSet checks)
    {
        var plan = Plan(checks);
        foreach (var entry in plan)
        {
            var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
            if (entry.JobId.StartsWith(SourceJob.Prefix, StringComparison.Ordinal))
            {
                var sourceId = entry.JobId[SourceJob.Prefix.Length..];
                jobs.AddOrUpdate<SourceJob>(entry.JobId, job => job.RunAsync(sourceId, CancellationToken.None), entry.Cron, options);
                continue;
            }
            var probeId = entry.JobId[ProbePrefix.Length..];
            jobs.AddOrUpdate<ProbeJob>(entry.JobId, job => job.RunAsync(probeId, CancellationToken.None), entry.Cron, options);
        }

        var wanted = plan.Select(e => e.JobId).ToHashSet();
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id)
                     .Where(id => (id.StartsWith(ProbePrefix, StringComparison.Ordinal) || id.StartsWith(SourceJob.Prefix, StringComparison.Ordinal))
                                  && !wanted.Contains(id)))
        {
            jobs.RemoveIfExists(stale);
            logger.LogInformation("Removed recurring job {Job}: its check or source is no longer configured", stale);
        }
        logger.LogInformation("Job catalog: {Count} recurring job(s){Table}", plan.Count, Describe(plan));
        return plan;
    }

    /// <summary>The service's own periodic jobs, whatever checks/ says.</summary>
    public void ApplySystemJobs()
    {
        jobs.AddOrUpdate<AvailabilityJob>(AvailabilityJob.JobId, job => job.RunAsync(CancellationToken.None), "30 * * * * *");
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.JobId, job => job.RunAsync(CancellationToken.None), "0 17 * * * *");
        jobs.AddOrUpdate<QualityScanJob>(QualityScanJob.JobId, job => job.RunAsync(CancellationToken.None), QualityScanJob.Cron);
        var incremental = options?.QualityIncrementalInterval ?? new SchedulingOptions().QualityIncrementalInterval;
        if (!Schedules.TryToCron(incremental, QualityIncrementalJob.JobId, out var incrementalCron, out var error))
            throw new InvalidOperationException($"{SchedulingOptions.Section}:QualityIncrementalInterval: {error}");
        jobs.AddOrUpdate<QualityIncrementalJob>(QualityIncrementalJob.JobId, job => job.RunAsync(CancellationToken.None), incrementalCron);
        jobs.AddOrUpdate<KpiJob>(KpiJob.JobId, job => job.RunAsync(CancellationToken.None), "0 3/10 * * * *");
        jobs.AddOrUpdate<KpiReportJob>(KpiReportJob.JobId, job => job.RunAsync(CancellationToken.None), KpiReportJob.Cron);
        jobs.AddOrUpdate<QualityDigestJob>(QualityDigestJob.JobId, job => job.RunAsync(CancellationToken.None), QualityDigestJob.Cron);
    }

    /// <summary>The plan as an aligned text table, for logs and the CLI.</summary>
    public static string Describe(IReadOnlyList<Entry> plan)
    {
        if (plan.Count == 0) return "";
        var idWidth = Math.Max(6, plan.Max(e => e.JobId.Length));
        var cronWidth = Math.Max(4, plan.Max(e => e.Cron.Length));
        var lines = plan.Select(e =>
            $"  {e.JobId.PadRight(idWidth)}  {(e.Interval > TimeSpan.Zero ? Durations.Format(e.Interval) : "cron"),-8}  {e.Cron.PadRight(cronWidth)}  {e.Target}");
        return Environment.NewLine + $"  {"job".PadRight(idWidth)}  {"every",-8}  {"cron".PadRight(cronWidth)}  target" +
               Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
