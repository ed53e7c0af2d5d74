using Monitoring.Storage;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// The daily score of each quality domain (catalogue, customers, media) as one line per domain, with the grade
/// thresholds dashed: on the <c>/quality</c> page as SVG, in the weekly digest as PNG (mail clients show no SVG).
/// </summary>
public static class DomainScoreChart
{
    public const int Width = 640;
    public const int Height = 260;

    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Purple, Colors.Crimson];

    public static string RenderSvg(string title, IReadOnlyList<QualityScoreDay> days, int width = Width, int height = Height) =>
        Build(title, days).GetSvgXml(width, height);

    public static byte[] RenderPng(string title, IReadOnlyList<QualityScoreDay> days, int width = Width, int height = Height) =>
        Build(title, days).GetImageBytes(width, height, ImageFormat.Png);

    private static Plot Build(string title, IReadOnlyList<QualityScoreDay> days)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel("score");
        QualityHistoryChart.GradeLines(plot);
        var domains = days.GroupBy(d => d.Domain, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < domains.Count; i++)
        {
            var points = domains[i].OrderBy(d => d.Day).ToList();
            var line = plot.Add.Scatter(points.Select(d => d.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(), points.Select(d => d.Score).ToArray());
            line.LegendText = domains[i].Key;
            line.Color = Palette[i % Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        if (days.Count == 0) plot.Add.Annotation("no scan has run yet");
        else
        {
            var axis = plot.Axes.DateTimeTicksBottom();
            if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
                ticks.LabelFormatter = t => t.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var first = days.Min(d => d.Day).ToDateTime(TimeOnly.MinValue).ToOADate();
            var last = days.Max(d => d.Day).ToDateTime(TimeOnly.MinValue).ToOADate();
            plot.Axes.SetLimitsX(first - 0.5, last + 0.5);
            plot.ShowLegend(Edge.Right);
        }
        plot.Axes.Bottom.Label.Text = "day";
        plot.Axes.SetLimitsY(0, 105);
        return plot;
    }
}
