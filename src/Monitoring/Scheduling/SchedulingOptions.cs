namespace Monitoring.Scheduling;

/// <summary>How the Hangfire server runs jobs. Bound from the <c>Monitoring:Scheduling</c> configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Monitoring:Scheduling";

    /// <summary>How often due recurring jobs are looked for: 1 s makes second-level schedules run on time.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Parallel job workers; probes mostly wait on the network, so several per core.</summary>
    public int WorkerCount { get; set; } = Math.Max(10, Environment.ProcessorCount * 5);

    /// <summary>Where the Hangfire dashboard is served; empty disables it.</summary>
    public string DashboardPath { get; set; } = "/hangfire";

    /// <summary>How often the records changed since the last quality scan are re-scored (job
    /// <c>system:quality-incremental</c>); an interval that divides a minute, an hour or a day.</summary>
    public TimeSpan QualityIncrementalInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// PostgreSQL: how long a job whose instance died (killed, crashed, power lost) stays with it before another worker,
    /// of any instance, runs it again. A running job renews its claim every fifth of this, so a job may run for hours;
    /// only a job whose instance stopped renewing is taken over. Hangfire.PostgreSql's default (a fixed 30 minutes, not
    /// renewed) both left a killed import or scan undone for half an hour and ran any job longer than that twice.
    /// <para>
    /// Half of it is the age at which a Hangfire lock is deemed left by a dead instance and removed (locks are rows, not
    /// renewed): the lock of a killed scan or KPI run must be gone when the run is taken over. The price: a run of the
    /// quality scan or the KPI rollup lasting longer than that no longer keeps a second run of the same job (a manual
    /// trigger) from starting beside it; the schedules (every 10 and 15 minutes) do not start one sooner.
    /// </para>
    /// </summary>
    public TimeSpan AbandonedJobTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
