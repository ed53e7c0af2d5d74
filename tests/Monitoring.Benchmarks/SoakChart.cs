using Monitoring.Charts;
using Monitoring.Checks;
using ScottPlot;

namespace Monitoring.Benchmarks;

/// <summary>The soak's memory curve as a PNG: RSS, its anonymous part and the .NET GC heap per sample, and the least-squares line of RSS
/// over the second half, whose slope decides whether memory is steady.</summary>
public static class SoakChart
{
    public static void WritePng(string path, SoakReport report, int width = 900, int height = 420)
    {
        ChartFonts.EnsureConfigured();
        var samples = report.Samples;
        var plot = new Plot();
        var options = report.Options;
        plot.Title($"shopmon soak: {options.Checks} checks every {Durations.Format(options.Interval)}, " +
                   $"{options.IngestPerSecond:0.##} ingest req/s, {(options.Postgres ? "PostgreSQL" : "SQLite")}");
        plot.XLabel("minutes since start");
        plot.YLabel("MiB");

        var minutes = samples.Select(s => s.Minutes).ToArray();
        var rss = plot.Add.Scatter(minutes, samples.Select(s => s.RssMiB).ToArray());
        rss.LegendText = "RSS (VmRSS)";
        rss.Color = Colors.SteelBlue;
        rss.MarkerSize = 4;
        var anon = plot.Add.Scatter(minutes, samples.Select(s => s.AnonMiB).ToArray());
        anon.LegendText = "of which anonymous (RssAnon: heaps, stacks)";
        anon.Color = Colors.SeaGreen;
        anon.MarkerSize = 3;
        var heap = plot.Add.Scatter(minutes, samples.Select(s => s.GcHeapMiB).ToArray());
        heap.LegendText = "GC heap (dotnet_total_memory_bytes)";
        heap.Color = Colors.DarkOrange;
        heap.MarkerSize = 3;

        var (slope, intercept) = report.RssTrend;
        var from = report.SecondHalf[0].Minutes;
        var to = samples[^1].Minutes;
        var trend = plot.Add.Line(from, intercept + slope * from, to, intercept + slope * to);
        trend.LegendText = $"RSS trend, second half: {slope:+0.000;-0.000} MiB/min";
        trend.Color = Colors.Crimson;
        trend.LineWidth = 2;
        trend.LinePattern = LinePattern.Dashed;

        plot.Axes.SetLimitsY(0, Math.Max(1, samples.Max(s => s.RssMiB)) * 1.45);
        plot.ShowLegend(Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        plot.SavePng(path, width, height);
    }
}
