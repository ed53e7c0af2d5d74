using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Monitoring.Checks;
using Monitoring.Metrics;
using Monitoring.Scheduling;
using Prometheus;

namespace Monitoring.Tests.Scheduling;

public sealed class SchedulerLagTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_every_second_is_late_by_the_time_since_the_whole_second_its_job_was_created_in()
    {
        var lag = SchedulerLag.Of(TimeSpan.FromSeconds(1), "storefront", Noon.AddMilliseconds(300), Noon.AddMilliseconds(1050));

        Assert.Equal(TimeSpan.FromMilliseconds(1050), lag);
    }

    [Fact]
    public void A_run_that_queued_longer_than_its_interval_counts_its_whole_lateness()
    {
        // The schedule of "storefront" every 30 s, as Schedules derives it from the id.
        Schedules.TryToCron(TimeSpan.FromSeconds(30), "storefront", out var cron, out _);
        Assert.Equal("13/30 * * * * *", cron);
        var due = Noon.AddSeconds(13);

        // Created 0.2 s after its due second, started 45 s after it: 45 s late, not 15 s (the next occurrence's 15 s).
        var lag = SchedulerLag.Of(TimeSpan.FromSeconds(30), "storefront", due.AddMilliseconds(200), due.AddSeconds(45));

        Assert.Equal(TimeSpan.FromSeconds(45), lag);
    }

    [Fact]
    public void A_job_created_exactly_on_its_due_second_and_a_start_before_it_by_clock_skew_are_never_negative()
    {
        var due = Noon.AddSeconds(13);

        Assert.Equal(TimeSpan.FromMilliseconds(250), SchedulerLag.Of(TimeSpan.FromSeconds(30), "storefront", due, due.AddMilliseconds(250)));
        Assert.Equal(TimeSpan.Zero, SchedulerLag.Of(TimeSpan.FromSeconds(30), "storefront", due.AddMilliseconds(5), due.AddMilliseconds(-20)));
    }

    [Fact]
    public void An_interval_without_a_schedule_has_no_lag()
    {
        Assert.Null(SchedulerLag.Of(TimeSpan.FromSeconds(7), "storefront", Noon, Noon.AddSeconds(1)));
    }

    [Fact]
    public void The_filter_observes_each_probe_job_start_in_the_histogram_and_ignores_other_jobs()
    {
        using var folder = new TempChecksFolder(("probes/shop.yaml", """
            probes:
              - id: storefront
                kind: http
                url: http://127.0.0.1:9/
                interval: 30s
                timeout: 5s
            """));
        var checks = CheckSetLoader.Default().LoadOrThrow(folder.Checks);
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());
        var due = Noon.AddSeconds(13);
        var clock = new ManualClock(due.AddMilliseconds(700));
        var filter = new SchedulerLagFilter(new ActiveChecks(checks), metrics, clock);

        filter.OnPerforming(Performing(Job.FromExpression<ProbeJob>(j => j.RunAsync("storefront", CancellationToken.None)), due.AddMilliseconds(40)));
        clock.Now = due.AddSeconds(3);
        filter.OnPerforming(Performing(Job.FromExpression<ProbeJob>(j => j.RunAsync("storefront", CancellationToken.None)), due.AddMilliseconds(40)));
        filter.OnPerforming(Performing(Job.FromExpression<ProbeJob>(j => j.RunAsync("removed-probe", CancellationToken.None)), due));
        filter.OnPerforming(Performing(Job.FromExpression<RetentionJob>(j => j.RunAsync(CancellationToken.None)), due));

        // Two observations: 0.7 s and 3 s late; the removed probe and the system job are not probe runs of this config.
        Assert.Equal(2, metrics.SchedulerLag.Count);
        Assert.Equal(3.7, metrics.SchedulerLag.Sum, 6);
        var exposition = Scrape(metrics.Registry);
        Assert.Contains("shopmon_scheduler_lag_seconds_bucket{le=\"0.5\"} 0", exposition);
        Assert.Contains("shopmon_scheduler_lag_seconds_bucket{le=\"1\"} 1", exposition);
        Assert.Contains("shopmon_scheduler_lag_seconds_bucket{le=\"2\"} 1", exposition);
        Assert.Contains("shopmon_scheduler_lag_seconds_bucket{le=\"5\"} 2", exposition);
    }

    private static PerformingContext Performing(Job job, DateTimeOffset createdAt)
    {
        // Hangfire's context wants a storage and a connection; the filter reads neither.
        var storage = new Hangfire.InMemory.InMemoryStorage();
        return new(new PerformContext(storage, storage.GetConnection(), new BackgroundJob("1", job, createdAt.UtcDateTime),
            new JobCancellationToken(false)));
    }

    private static string Scrape(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
