namespace Monitoring.Benchmarks;

/// <summary>
/// One look at the service during the soak: its memory and CPU from /proc, what /metrics said, how far the ingest
/// traffic had got, and the machine's load.
/// </summary>
public sealed record SoakSample(
    double Minutes,
    double RssMiB,
    double AnonMiB,
    double FileMiB,
    double ShmemMiB,
    int Threads,
    double GcHeapMiB,
    double CpuSeconds,
    double ProbeRuns,
    IReadOnlyDictionary<string, double> Queues,
    IReadOnlyList<(double UpperBound, double Count)> LagBuckets,
    IngestDriver.Counts Ingest,
    string LoadAverage)
{
    /// <summary>The queue gauges the soak follows, by the name printed.</summary>
    public static readonly IReadOnlyList<(string Name, string Series)> QueueSeries =
    [
        ("jobs enqueued", "shopmon_scheduler_jobs{state=\"enqueued\"}"),
        ("jobs scheduled", "shopmon_scheduler_jobs{state=\"scheduled\"}"),
        ("jobs processing", "shopmon_scheduler_jobs{state=\"processing\"}"),
        ("alert outbox", "shopmon_alert_outbox_pending"),
        ("mail outbox", "shopmon_mail_outbox_pending"),
    ];

    public const string LagHistogram = "shopmon_scheduler_lag_seconds";

    public static SoakSample Take(double minutes, ProcSample process, MetricsText metrics, IngestDriver.Counts ingest) =>
        new(minutes,
            MiB(process.RssBytes), MiB(process.AnonBytes), MiB(process.FileBytes), MiB(process.ShmemBytes), process.Threads,
            MiB((long)(metrics.Value("dotnet_total_memory_bytes") ?? 0)),
            process.CpuSeconds,
            metrics.Sum("shopmon_probe_runs_total"),
            QueueSeries.ToDictionary(q => q.Name, q => metrics.Value(q.Series) ?? double.NaN),
            metrics.Buckets(LagHistogram),
            ingest,
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?");

    private static double MiB(long bytes) => bytes / (1024.0 * 1024.0);
}
