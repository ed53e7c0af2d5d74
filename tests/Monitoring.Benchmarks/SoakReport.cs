using System.Globalization;
using System.Text.Json;
using Monitoring.Checks;

namespace Monitoring.Benchmarks;

/// <summary>
/// What a soak showed: the memory curve and its trend, the queues, the runs done against those due, the scheduler lag
/// and the ingest traffic; and the verdict: lag p99 under 2 s, memory steady (the least-squares slope of RSS over the
/// second half under 1 MiB a minute, judged on a second half of at least 5 minutes) and no queue growing (over the measured window, the mean of its last quarter of
/// samples at most 5 above the mean of its first quarter).
/// </summary>
public sealed class SoakReport(
    DateTimeOffset startedAt, string command, SoakOptions options, IReadOnlyDictionary<string, string> machine, string target,
    string storage, IReadOnlyList<SoakSample> samples, IReadOnlyList<double> endOfRunLags, IngestDriver.Counts ingest,
    IReadOnlyList<double> ingestLatencies, string? ingestError)
{
    public const double LagGoalSeconds = 2;
    public const double SlopeGoalMiBPerMinute = 1;
    public const double QueueGrowthTolerance = 5;

    public IReadOnlyList<SoakSample> Samples => samples;
    public SoakOptions Options => options;
    public string Storage => storage;

    /// <summary>The first sample at or after the warm-up: the measured window runs from it to the last.</summary>
    private SoakSample WindowStart => samples.FirstOrDefault(s => s.Minutes >= options.WarmupMinutes) ?? samples[^1];

    private List<SoakSample> Window => samples.Where(s => s.Minutes >= WindowStart.Minutes).ToList();

    /// <summary>The samples of the second half of the soak, whose trend says whether memory levelled off.</summary>
    public IReadOnlyList<SoakSample> SecondHalf => samples.Where(s => s.Minutes >= samples[^1].Minutes / 2).ToList();

    /// <summary>Least-squares line of RSS (MiB) over minutes in the second half.</summary>
    public (double Slope, double Intercept) RssTrend => Trend(s => s.RssMiB);

    public (double Slope, double Intercept) GcHeapTrend => Trend(s => s.GcHeapMiB);

    /// <summary>Least-squares line of one figure over minutes in the second half.</summary>
    public (double Slope, double Intercept) Trend(Func<SoakSample, double> figure) =>
        Fit(SecondHalf.Select(s => (s.Minutes, figure(s))).ToList());

    public IReadOnlyList<(double UpperBound, double Count)> LagBuckets =>
        MetricsText.Difference(samples[^1].LagBuckets, WindowStart.LagBuckets);

    public double? LagQuantile(double q) => MetricsText.Quantile(LagBuckets, q);

    public bool LagGoalMet => LagQuantile(0.99) is { } p99 && p99 < LagGoalSeconds;

    /// <summary>A trend over less than this is noise (a garbage collection moves RSS by tens of MiB): not judged.</summary>
    public const double MinimumTrendMinutes = 5;

    public bool TrendLongEnough => SecondHalf.Count >= 3 && SecondHalf[^1].Minutes - SecondHalf[0].Minutes >= MinimumTrendMinutes;

    public bool MemoryGoalMet => TrendLongEnough && RssTrend.Slope < SlopeGoalMiBPerMinute;

    /// <summary>Each followed queue: its value when the window opened, at the end, its maximum, and whether it grew.</summary>
    public IReadOnlyList<(string Name, double First, double Last, double Max, bool Growing)> Queues =>
        SoakSample.QueueSeries.Select(q =>
        {
            var values = Window.Select(s => s.Queues[q.Name]).ToList();
            var quarter = Math.Max(1, values.Count / 4);
            var growing = values.TakeLast(quarter).Average() > values.Take(quarter).Average() + QueueGrowthTolerance;
            return (q.Name, values[0], values[^1], values.Max(), growing);
        }).ToList();

    public bool QueuesGoalMet => Queues.All(q => !q.Growing && !double.IsNaN(q.Last));

    public bool Passed => LagGoalMet && MemoryGoalMet && QueuesGoalMet;

    public double WindowMinutes => samples[^1].Minutes - WindowStart.Minutes;

    public double RunsExpected => options.Checks * WindowMinutes * 60 / options.Interval.TotalSeconds;

    public double RunsDone => samples[^1].ProbeRuns - WindowStart.ProbeRuns;

    public void Print(TextWriter output)
    {
        var last = samples[^1];
        output.WriteLine();
        output.WriteLine($"Soak: {options.Checks} http checks every {Durations.Format(options.Interval)} against {target}, " +
                         $"{options.IngestPerSecond:0.##} ingest request(s)/s of {options.Batch} records, {storage}, {F(last.Minutes, 1)} min");
        output.WriteLine($"  load average at start {samples[0].LoadAverage}, highest 1-min {F(samples.Max(s => Load1(s)), 2)}, at end {last.LoadAverage} ({machine["nproc"]} cores)");
        output.WriteLine();
        output.WriteLine("  memory curve (the sample nearest each whole minute)");
        output.WriteLine("    minute   RSS MiB   anon MiB   file MiB   shmem MiB   GC heap MiB   threads");
        foreach (var minute in Enumerable.Range(0, (int)Math.Floor(last.Minutes) + 1))
        {
            var s = samples.MinBy(x => Math.Abs(x.Minutes - minute))!;
            output.WriteLine($"    {minute,6}   {F(s.RssMiB, 1),7}   {F(s.AnonMiB, 1),8}   {F(s.FileMiB, 1),8}   {F(s.ShmemMiB, 1),9}   " +
                             $"{F(s.GcHeapMiB, 1),11}   {s.Threads,7}");
        }
        var rss = RssTrend;
        output.WriteLine($"  RSS first {F(samples[0].RssMiB, 1)}, min {F(samples.Min(s => s.RssMiB), 1)}, max {F(samples.Max(s => s.RssMiB), 1)}, last {F(last.RssMiB, 1)} MiB");
        output.WriteLine($"  trend over the second half ({SecondHalf.Count} samples from minute {F(SecondHalf[0].Minutes, 1)}): " +
                         $"RSS {F(rss.Slope, 3)} MiB/min (anon {F(Trend(s => s.AnonMiB).Slope, 3)}, file {F(Trend(s => s.FileMiB).Slope, 3)}, " +
                         $"shmem {F(Trend(s => s.ShmemMiB).Slope, 3)}), GC heap {F(GcHeapTrend.Slope, 3)} MiB/min");
        output.WriteLine();
        output.WriteLine($"  measured window: minute {F(WindowStart.Minutes, 1)} to {F(last.Minutes, 1)} ({F(WindowMinutes, 1)} min)");
        output.WriteLine("    queue              first     last      max   growing");
        foreach (var q in Queues)
            output.WriteLine($"    {q.Name,-16} {F(q.First, 0),7} {F(q.Last, 0),8} {F(q.Max, 0),8}   {(q.Growing ? "YES" : "no")}");
        output.WriteLine($"  probe runs: {F(RunsDone, 0)} done, {F(RunsExpected, 0)} due ({F(100 * RunsDone / Math.Max(1, RunsExpected), 1)} %)");
        var observed = LagBuckets.Count == 0 ? 0 : LagBuckets[^1].Count;
        var over = observed - (LagBuckets.FirstOrDefault(b => b.UpperBound == LagGoalSeconds).Count);
        output.WriteLine($"  scheduler lag (shopmon_scheduler_lag_seconds, {F(observed, 0)} runs): p50 {Lag(0.5)}, p95 {Lag(0.95)}, p99 {Lag(0.99)}; " +
                         $"{F(over, 0)} run(s) over {F(LagGoalSeconds, 0)} s");
        if (endOfRunLags.Count > 0)
            output.WriteLine($"  end-of-run lag from the last-run timestamps ({endOfRunLags.Count} looks, the run's own duration included): " +
                             $"p50 {F(Percentile(endOfRunLags, 0.5), 3)} s, p95 {F(Percentile(endOfRunLags, 0.95), 3)} s, " +
                             $"p99 {F(Percentile(endOfRunLags, 0.99), 3)} s, max {F(endOfRunLags.Max(), 3)} s");
        output.WriteLine($"  ingest: {ingest.Sent} requests sent, {ingest.Accepted} accepted, {ingest.Failed} failed, {ingest.Skipped} skipped (16 open); " +
                         $"{ingest.RecordsSent} records, {ingest.RecordsRejected} rejected" +
                         (ingestLatencies.Count > 0 ? $"; answer p50 {F(Percentile(ingestLatencies, 0.5) * 1000, 0)} ms, p99 {F(Percentile(ingestLatencies, 0.99) * 1000, 0)} ms" : ""));
        if (ingestError is not null) output.WriteLine($"    first error: {ingestError}");
        output.WriteLine($"  CPU: {F(last.CpuSeconds - WindowStart.CpuSeconds, 1)} s over the window ({F((last.CpuSeconds - WindowStart.CpuSeconds) / (WindowMinutes * 60), 3)} of a core)");
        output.WriteLine();
        output.WriteLine($"lag p99 {Lag(0.99)}   goal < {F(LagGoalSeconds, 0)} s: {(LagGoalMet ? "MET" : "NOT MET")}");
        output.WriteLine($"RSS slope over the second half {F(rss.Slope, 3)} MiB/min   goal < {F(SlopeGoalMiBPerMinute, 0)} MiB/min (steady): " +
                         (MemoryGoalMet ? "MET" : TrendLongEnough ? "NOT MET" : $"NOT SHOWN (a second half under {F(MinimumTrendMinutes, 0)} min is too short to judge)"));
        output.WriteLine($"queues growing: {(Queues.Any(q => q.Growing) ? string.Join(", ", Queues.Where(q => q.Growing).Select(q => q.Name)) : "none")}   goal none: {(QueuesGoalMet ? "MET" : "NOT MET")}");
    }

    /// <summary>One line per sample while the soak runs; the lag quantile is over the runs since the previous sample.</summary>
    public static string ProgressLine(SoakSample sample, SoakSample? previous)
    {
        var lagSince = previous is null ? sample.LagBuckets : MetricsText.Difference(sample.LagBuckets, previous.LagBuckets);
        var p99 = MetricsText.Quantile(lagSince, 0.99);
        var runs = previous is null ? "" : $" (+{F(sample.ProbeRuns - previous.ProbeRuns, 0)})";
        var q = sample.Queues;
        return $"[{TimeSpan.FromMinutes(sample.Minutes):mm\\:ss}] rss {F(sample.RssMiB, 1),6} MiB (anon {F(sample.AnonMiB, 1)}, file {F(sample.FileMiB, 1)})  gc heap {F(sample.GcHeapMiB, 1),6} MiB  " +
               $"cpu {F(sample.CpuSeconds, 1),7} s  runs {F(sample.ProbeRuns, 0)}{runs}  lag p99 {(p99 is { } v ? F(v, 3) + " s" : "-")}  " +
               $"jobs enq {F(q["jobs enqueued"], 0)} sch {F(q["jobs scheduled"], 0)} proc {F(q["jobs processing"], 0)}  " +
               $"outbox alert {F(q["alert outbox"], 0)} mail {F(q["mail outbox"], 0)}  " +
               $"ingest {sample.Ingest.Accepted}/{sample.Ingest.Sent} ok, {sample.Ingest.Failed} failed  load {sample.LoadAverage}";
    }

    public void WriteJson(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var figures = new
        {
            startedAt, command, machine, target, storage, options.Checks, interval = options.Interval.TotalSeconds, options.Minutes,
            options.WarmupMinutes, options.IngestPerSecond, options.Batch,
            rssSlopeMiBPerMinute = RssTrend.Slope, anonSlopeMiBPerMinute = Trend(s => s.AnonMiB).Slope,
            fileSlopeMiBPerMinute = Trend(s => s.FileMiB).Slope, gcHeapSlopeMiBPerMinute = GcHeapTrend.Slope,
            lagP50 = LagQuantile(0.5), lagP95 = LagQuantile(0.95), lagP99 = LagQuantile(0.99),
            runsDone = RunsDone, runsExpected = RunsExpected,
            queues = Queues.Select(q => new { q.Name, q.First, q.Last, q.Max, q.Growing }),
            ingest, ingestError, lagGoalMet = LagGoalMet, memoryGoalMet = MemoryGoalMet, queuesGoalMet = QueuesGoalMet,
            samples = samples.Select(s => new
            {
                s.Minutes, s.RssMiB, s.AnonMiB, s.FileMiB, s.ShmemMiB, s.Threads, s.GcHeapMiB, s.CpuSeconds, s.ProbeRuns, s.Queues, s.LoadAverage,
                ingestAccepted = s.Ingest.Accepted, ingestFailed = s.Ingest.Failed,
                lagBuckets = s.LagBuckets.Select(b => new { le = double.IsInfinity(b.UpperBound) ? "+Inf" : F(b.UpperBound, 3), b.Count }),
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(figures, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }

    /// <summary>The least-squares line through the points; a flat line when there are fewer than two.</summary>
    public static (double Slope, double Intercept) Fit(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2) return (0, points.Count == 1 ? points[0].Y : 0);
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        if (sxx == 0) return (0, meanY);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
        return (slope, meanY - slope * meanX);
    }

    private string Lag(double q) => LagQuantile(q) is { } v
        ? (v >= LagBuckets.Where(b => !double.IsInfinity(b.UpperBound)).Select(b => b.UpperBound).DefaultIfEmpty(0).Max() ? "> " : "") + F(v, 3) + " s"
        : "-";

    private static double Load1(SoakSample s) =>
        double.TryParse(s.LoadAverage.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
