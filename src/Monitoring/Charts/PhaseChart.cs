using Monitoring.Probes;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>Where a check's time goes: one line per phase (DNS, connect, TLS, waiting for the first byte, transfer).</summary>
public static class PhaseChart
{
    private static readonly Dictionary<string, (string Label, Color Color)> Phases = new()
    {
        ["resolve"] = ("DNS", Colors.Purple),
        ["connect"] = ("connect", Colors.Orange),
        ["tls"] = ("TLS", Colors.Teal),
        ["processing"] = ("first byte", Colors.SteelBlue),
        ["transfer"] = ("transfer", Colors.Gray),
    };

    public static string RenderSvg(string title, IReadOnlyList<ProbeResult> results, int width = 720, int height = 280)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel("time (ms)");
        plot.Axes.Bottom.Label.Text = "time (UTC)";

        var drawn = 0;
        foreach (var (phase, (label, color)) in Phases)
        {
            var points = results.Where(r => r.Phases.ContainsKey(phase)).ToList();
            if (points.Count == 0) continue;
            var line = plot.Add.Scatter(points.Select(r => r.StartedAt.UtcDateTime.ToOADate()).ToArray(),
                points.Select(r => r.Phases[phase].TotalMilliseconds).ToArray());
            line.LegendText = label;
            line.Color = color;
            line.MarkerSize = 2;
            drawn++;
        }
        if (drawn == 0)
        {
            // Kinds without phases (or runs before phases were measured): the total is still worth seeing.
            var total = plot.Add.Scatter(results.Select(r => r.StartedAt.UtcDateTime.ToOADate()).ToArray(),
                results.Select(r => r.Duration.TotalMilliseconds).ToArray());
            total.LegendText = "total";
            total.MarkerSize = 2;
        }
        if (results.Count == 0) plot.Add.Annotation("no runs in this window yet");
        else plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend();
        return plot.GetSvgXml(width, height);
    }
}
