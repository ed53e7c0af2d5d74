using Monitoring.Probes;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>Response time of one probe over a window: runs that were up as a line, failed runs as red crosses.</summary>
public static class ProbeLatencyChart
{
    public static string RenderSvg(string title, IReadOnlyList<ProbeResult> results, int width = 640, int height = 240)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel("response time (ms)");

        var passed = results.Where(r => r.IsUp).ToList();
        var failed = results.Where(r => !r.IsUp).ToList();
        if (passed.Count > 0)
        {
            var line = plot.Add.Scatter(X(passed), Y(passed));
            line.LegendText = "pass";
            line.Color = Colors.SteelBlue;
            line.MarkerSize = 3;
        }
        if (failed.Count > 0)
        {
            var crosses = plot.Add.Markers(X(failed), Y(failed), MarkerShape.Cross, 8, Colors.Crimson);
            crosses.LegendText = "fail";
        }
        if (results.Count == 0)
            plot.Add.Annotation("no runs in this window yet");
        else
            plot.Axes.DateTimeTicksBottom();
        plot.Axes.Bottom.Label.Text = "time (UTC)";
        plot.ShowLegend();
        return plot.GetSvgXml(width, height);
    }

    private static double[] X(IEnumerable<ProbeResult> results) => results.Select(r => r.StartedAt.UtcDateTime.ToOADate()).ToArray();

    private static double[] Y(IEnumerable<ProbeResult> results) => results.Select(r => r.Duration.TotalMilliseconds).ToArray();
}
