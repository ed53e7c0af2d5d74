using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// A KPI's daily or weekly values on a date axis with the anomalies the same-weekday detector flagged: drops as red
/// downward triangles, spikes as purple upward ones, each on the point it flags, and the expected value (the
/// baseline median) as a grey cross beside it so the size of the gap is visible. The target, when there is one for
/// that grain, is a dashed line.
/// </summary>
public static class KpiSeriesChart
{
    public const int Width = 760;
    public const int Height = 280;

    public static byte[] RenderPng(KpiDefinition kpi, IReadOnlyList<SeriesPoint> points, IReadOnlyList<Anomaly> anomalies,
        decimal? target, string title, int width = Width, int height = Height)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(KpiTrendChart.AxisLabel(kpi));
        double Y(double value) => kpi.Unit == KpiUnit.Ratio ? value * 100 : value;
        double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

        if (points.Count > 0)
        {
            var line = plot.Add.Scatter(points.Select(p => X(p.Day)).ToArray(), points.Select(p => Y(p.Value)).ToArray());
            line.Color = Colors.SteelBlue;
            line.MarkerSize = 3;
            line.LegendText = kpi.Name;
        }
        else plot.Add.Annotation("no value in this window yet");

        AddAnomalies(plot, anomalies.Where(a => a.Direction == AnomalyDirection.Drop).ToList(), MarkerShape.FilledTriangleDown, Colors.Crimson, "drop", X, Y);
        AddAnomalies(plot, anomalies.Where(a => a.Direction == AnomalyDirection.Spike).ToList(), MarkerShape.FilledTriangleUp, Colors.Purple, "spike", X, Y);
        if (anomalies.Count > 0)
        {
            var expected = plot.Add.Markers(anomalies.Select(a => X(a.Day)).ToArray(), anomalies.Select(a => Y(a.Expected)).ToArray(),
                MarkerShape.Cross, 7, Colors.Gray);
            expected.LegendText = "expected";
        }
        if (target is { } goal)
        {
            var targetLine = plot.Add.HorizontalLine(KpiTrendChart.Scale(kpi, goal));
            targetLine.Color = Colors.DarkOrange;
            targetLine.LinePattern = LinePattern.Dashed;
            targetLine.LegendText = "target " + KpiReport.Format(kpi, goal);
        }
        if (points.Count > 0 && plot.Axes.DateTimeTicksBottom().TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = t => t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void AddAnomalies(Plot plot, IReadOnlyList<Anomaly> anomalies, MarkerShape shape, Color color, string legend,
        Func<DateOnly, double> x, Func<double, double> y)
    {
        if (anomalies.Count == 0) return;
        var markers = plot.Add.Markers(anomalies.Select(a => x(a.Day)).ToArray(), anomalies.Select(a => y(a.Actual)).ToArray(), shape, 10, color);
        markers.LegendText = legend;
    }
}
