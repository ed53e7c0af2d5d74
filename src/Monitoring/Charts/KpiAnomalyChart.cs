using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// The chart of a KPI anomaly email, as a PNG (mail clients do not show SVG): the KPI's daily or weekly series, the
/// normal range around the baseline median as a shaded band with the median dashed, and the anomalous point as a red
/// circle. The band is the one the anomalous point was judged against (its own weekday's baseline).
/// </summary>
public static class KpiAnomalyChart
{
    public const int Width = 640;
    public const int Height = 260;

    public static byte[] RenderPng(KpiAnomaly anomaly, int width = Width, int height = Height)
    {
        ChartFonts.EnsureConfigured();
        var kpi = anomaly.Kpi;
        var scale = kpi.Unit == KpiUnit.Ratio ? 100.0 : 1.0; // ratios are drawn in per cent
        var plot = new Plot();
        plot.Title($"{kpi.Name}, {(anomaly.Grain == "day" ? "daily" : "weekly")} ({anomaly.Period.Label})");
        plot.YLabel(kpi.Unit switch { KpiUnit.Ratio => "%", KpiUnit.Money => "€ excl. VAT", KpiUnit.Days => "days", _ => kpi.Name.ToLowerInvariant() });

        var band = plot.Add.VerticalSpan(anomaly.BandLow * scale, anomaly.BandHigh * scale);
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.12);
        band.LineStyle.Width = 0;
        band.LegendText = "normal range";
        var median = plot.Add.HorizontalLine(anomaly.Anomaly.Expected * scale);
        median.LinePattern = LinePattern.Dashed;
        median.Color = Colors.SteelBlue;
        median.LegendText = "baseline median";

        var xs = anomaly.Series.Select(p => X(p.Day)).ToArray();
        var ys = anomaly.Series.Select(p => p.Value * scale).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.Color = Colors.DimGray;
        line.MarkerSize = 3;
        line.LegendText = kpi.Name;
        var marker = plot.Add.Marker(X(anomaly.Period.Start), anomaly.Anomaly.Actual * scale, MarkerShape.OpenCircle, 14, Colors.Crimson);
        marker.LegendText = anomaly.Anomaly.Direction == AnomalyDirection.Drop ? "drop" : "spike";

        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            ticks.LabelFormatter = t => t.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        axis.Label.Text = anomaly.Grain == "day" ? "day (shop time)" : "ISO week (Monday)";
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();
}
