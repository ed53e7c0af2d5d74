using Monitoring.Charts;
using Monitoring.Probes;
using ScottPlot;

namespace Monitoring.Alerting.Channels.Email;

/// <summary>
/// The chart inside alert emails: the check's response times over the last hours as a PNG (mail clients do not show
/// SVG), runs that were up as a line, failed runs as red crosses, and the incident shaded, on a time axis in the
/// shop's time zone so that it reads like the times in the email.
/// </summary>
public static class AlertChart
{
    public const int Width = 640;
    public const int Height = 240;

    public static byte[] RenderPng(AlertContext context)
    {
        ChartFonts.EnsureConfigured();
        var zone = context.TimeZone;
        double X(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).DateTime.ToOADate();

        var plot = new Plot();
        plot.Title($"{context.Incident.CheckId}: response times, last {EmailComposer.Span(context.Now - context.ResultsFrom)}");
        plot.YLabel("response time (ms)");

        var incidentEnd = context.Incident.ResolvedAt ?? context.Now;
        var shade = plot.Add.HorizontalSpan(X(Max(context.Incident.FirstFailureAt, context.ResultsFrom)), X(incidentEnd));
        shade.FillStyle.Color = Colors.Crimson.WithAlpha(0.12);
        shade.LineStyle.Width = 0;
        shade.LegendText = "incident";

        var passed = context.RecentResults.Where(r => r.IsUp).ToList();
        var failed = context.RecentResults.Where(r => !r.IsUp).ToList();
        if (passed.Count > 0)
        {
            var line = plot.Add.Scatter(passed.Select(r => X(r.StartedAt)).ToArray(), Milliseconds(passed));
            line.LegendText = "up";
            line.Color = Colors.SteelBlue;
            line.MarkerSize = 3;
        }
        if (failed.Count > 0)
        {
            var crosses = plot.Add.Markers(failed.Select(r => X(r.StartedAt)).ToArray(), Milliseconds(failed), MarkerShape.Cross, 8, Colors.Crimson);
            crosses.LegendText = "failed";
        }
        if (context.RecentResults.Count == 0) plot.Add.Annotation("no runs recorded in this window");

        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        axis.Label.Text = $"time ({zone.Id})";
        var top = context.RecentResults.Count == 0 ? 1000 : Math.Max(10, context.RecentResults.Max(r => r.Duration.TotalMilliseconds) * 1.15);
        plot.Axes.SetLimits(X(context.ResultsFrom), X(context.Now), 0, top);
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static double[] Milliseconds(IEnumerable<ProbeResult> results) => results.Select(r => r.Duration.TotalMilliseconds).ToArray();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
