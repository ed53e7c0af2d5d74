using Monitoring.Kpis;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// The small trend line of a headline tile: the KPI's weekly values, no axes and no grid, the last week as a dot so
/// that the eye finds "now". A PNG for email (clients do not show SVG) and an SVG for the page; missing weeks are
/// left out of the line rather than drawn as zero.
/// </summary>
public static class KpiSparkline
{
    public const int Width = 160;
    public const int Height = 40;

    public static byte[] RenderPng(IReadOnlyList<TrendPoint> trend, int width = Width, int height = Height) =>
        Build(trend).GetImageBytes(width, height, ImageFormat.Png);

    public static string RenderSvg(IReadOnlyList<TrendPoint> trend, int width = Width, int height = Height) =>
        Build(trend).GetSvgXml(width, height);

    private static Plot Build(IReadOnlyList<TrendPoint> trend)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.HideAxesAndGrid();
        plot.Layout.Frameless();
        var points = trend.Select((p, i) => (X: (double)i, p.Value)).Where(p => p.Value is not null).ToList();
        if (points.Count == 0) return plot;
        var xs = points.Select(p => p.X).ToArray();
        var ys = points.Select(p => (double)p.Value!.Value).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.Color = Colors.SteelBlue;
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;
        plot.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledCircle, 5, Colors.SteelBlue);
        // A flat line would otherwise sit on the edge; a margin of 10 % of the range (or of the value) keeps it inside.
        var low = ys.Min();
        var high = ys.Max();
        var pad = high > low ? (high - low) * 0.15 : Math.Max(Math.Abs(high) * 0.1, 1e-9);
        plot.Axes.SetLimits(-0.5, Math.Max(trend.Count - 1, 1) + 0.5, low - pad, high + pad);
        return plot;
    }
}
