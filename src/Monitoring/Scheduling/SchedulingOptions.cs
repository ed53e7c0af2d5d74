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
}
