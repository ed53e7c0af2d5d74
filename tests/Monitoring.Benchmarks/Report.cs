using System.Globalization;
using System.Text.Json;

namespace Monitoring.Benchmarks;

/// <summary>One prober's figures over the measured window.</summary>
public sealed record ProberFigures(string Name, int ProbesDone, int ProbesFailed, double CpuSeconds,
    double RssAtStartMiB, double RssAtEndMiB, double PeakRssMiB)
{
    public double? CpuMsPerProbe => ProbesDone == 0 ? null : CpuSeconds * 1000 / ProbesDone;
}

/// <summary>How late shopmon's runs ended after their scheduled second, at the end of the window (one run per probe).</summary>
public sealed record LagFigures(double MedianSeconds, double P95Seconds, double MaxSeconds, int ProbesWithoutRecentRun);

public sealed record BenchmarkReport(
    DateTimeOffset StartedAt, string Command, IReadOnlyDictionary<string, string> Machine, string Target,
    IReadOnlyDictionary<string, string> ServiceEnvironment, int Checks, double WarmupMinutes, double Minutes, int ExpectedProbes,
    ProberFigures Shopmon, LagFigures? ShopmonLag, ProberFigures? Blackbox, double? BlackboxDriverLagSeconds)
{
    /// <summary>"Under 300 MB", read strictly: 300 × 10^6 bytes (286 MiB).</summary>
    public const double MemoryGoalMiB = 300e6 / (1024 * 1024);
    public const double CpuGoalRatio = 1.5;

    public double? CpuPerProbeRatio => Shopmon.CpuMsPerProbe / Blackbox?.CpuMsPerProbe;
    public bool? CpuGoalMet => CpuPerProbeRatio is { } ratio ? ratio <= CpuGoalRatio : null;
    public bool MemoryGoalMet => Shopmon.PeakRssMiB < MemoryGoalMiB;

    public void Print(TextWriter output)
    {
        var rows = new List<(string Label, Func<ProberFigures, string> Cell)>
        {
            ($"probes done (expected {ExpectedProbes})", f => f.ProbesDone.ToString(CultureInfo.InvariantCulture)),
            ("probes failed", f => f.ProbesFailed.ToString(CultureInfo.InvariantCulture)),
            ("CPU seconds (user + system)", f => F(f.CpuSeconds, 2)),
            ("CPU ms per probe", f => f.CpuMsPerProbe is { } ms ? F(ms, 2) : "-"),
            ("peak RSS MiB (VmHWM)", f => F(f.PeakRssMiB, 1)),
            ("RSS MiB at window start -> end", f => $"{F(f.RssAtStartMiB, 1)} -> {F(f.RssAtEndMiB, 1)}"),
        };
        const string lagLabel = "shopmon schedule lag p50 / p95 / max";
        var probers = new[] { Shopmon, Blackbox }.OfType<ProberFigures>().ToList();
        var width = Math.Max(lagLabel.Length, rows.Max(r => r.Label.Length)) + 2;
        output.WriteLine();
        output.WriteLine($"{Checks} http checks a minute against {Target}, measured over {F(Minutes, 1)} min after {F(WarmupMinutes, 1)} min of warm-up");
        output.WriteLine("".PadRight(width) + string.Concat(probers.Select(p => p.Name.PadLeft(20))));
        foreach (var (label, cell) in rows)
            output.WriteLine(label.PadRight(width) + string.Concat(probers.Select(p => cell(p).PadLeft(20))));
        if (ShopmonLag is { } lag)
            output.WriteLine($"{lagLabel.PadRight(width)}{$"{F(lag.MedianSeconds, 2)} / {F(lag.P95Seconds, 2)} / {F(lag.MaxSeconds, 2)} s".PadLeft(20)}" +
                             $"   ({lag.ProbesWithoutRecentRun} probe(s) without a run in the last minute)");
        output.WriteLine();
        output.WriteLine(CpuPerProbeRatio is { } ratio
            ? $"CPU per probe, shopmon / blackbox_exporter: {F(ratio, 2)}x   goal <= {F(CpuGoalRatio, 1)}x: {(CpuGoalMet == true ? "MET" : "NOT MET")}"
            : "CPU per probe, shopmon / blackbox_exporter: no baseline");
        output.WriteLine($"shopmon peak RSS: {F(Shopmon.PeakRssMiB, 1)} MiB   goal < 300 MB ({F(MemoryGoalMiB, 0)} MiB): {(MemoryGoalMet ? "MET" : "NOT MET")}");
    }

    public void WriteJson(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
