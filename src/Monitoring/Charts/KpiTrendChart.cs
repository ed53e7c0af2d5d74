using Monitoring.Kpis;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// A KPI's 13-week trend (R-KPI-04) as a PNG: one point per ISO week, labelled with its week number, and the target as
/// a dashed line, so that a manager sees at a glance whether the KPI is moving towards its target. The sparkline is
/// the same line without text, small enough for a table row. Rates are drawn in percent, as the pages show them.
/// </summary>
public static class KpiTrendChart
{
    public const int Width = 640;
    public const int Height = 260;
    public const int SparklineWidth = 120;
    public const int SparklineHeight = 32;

    private static readonly Color TargetColor = Colors.DarkOrange;

    /// <summary>The full chart: title, week labels, the value axis in the KPI's unit, and a legend.</summary>
    public static byte[] RenderPng(KpiDefinition kpi, IReadOnlyList<TrendPoint> trend, decimal? target, string title,
        int width = Width, int height = Height)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(AxisLabel(kpi));
        var (xs, ys) = Points(kpi, trend);
        if (xs.Length > 0)
        {
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Colors.SteelBlue;
            line.MarkerSize = 5;
            line.LegendText = kpi.Name;
        }
        else plot.Add.Annotation("no value in these 13 weeks yet");
        if (target is { } goal)
        {
            var targetLine = plot.Add.HorizontalLine(Scale(kpi, goal));
            targetLine.Color = TargetColor;
            targetLine.LinePattern = LinePattern.Dashed;
            targetLine.LegendText = "target " + KpiReport.Format(kpi, goal);
        }
        plot.Axes.Bottom.SetTicks(trend.Select((_, i) => (double)i).ToArray(), trend.Select(p => WeekLabel(p.Period)).ToArray());
        plot.XLabel("ISO week");
        FitY(plot, ys, target is { } t ? Scale(kpi, t) : null);
        plot.Axes.SetLimitsX(-0.5, Math.Max(trend.Count, 1) - 0.5);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The trend line and the target alone, without axes or text: a table row's sparkline.</summary>
    public static byte[] RenderSparklinePng(KpiDefinition kpi, IReadOnlyList<TrendPoint> trend, decimal? target,
        int width = SparklineWidth, int height = SparklineHeight)
    {
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        var (xs, ys) = Points(kpi, trend);
        if (xs.Length > 0)
        {
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Colors.SteelBlue;
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
            // The last week stands out: it is the value the row shows.
            plot.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledCircle, 4, Colors.SteelBlue);
        }
        if (target is { } goal)
        {
            var targetLine = plot.Add.HorizontalLine(Scale(kpi, goal));
            targetLine.Color = TargetColor;
            targetLine.LinePattern = LinePattern.Dashed;
            targetLine.LineWidth = 1.5f;
        }
        FitY(plot, ys, target is { } t ? Scale(kpi, t) : null);
        plot.Axes.SetLimitsX(-0.5, Math.Max(trend.Count, 1) - 0.5);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The value as drawn: a rate in percent, anything else as it is.</summary>
    public static double Scale(KpiDefinition kpi, decimal value) => (double)(kpi.Unit == KpiUnit.Ratio ? value * 100 : value);

    /// <summary>The value axis' label in the KPI's unit.</summary>
    public static string AxisLabel(KpiDefinition kpi) => kpi.Unit switch
    {
        KpiUnit.Ratio => "%",
        KpiUnit.Money => "€ excl. VAT",
        KpiUnit.Days => "days",
        KpiUnit.Score => "score",
        _ => "count",
    };

    /// <summary><c>W48</c>, or <c>2026-W01</c> where the year changes, so that a trend across New Year reads right.</summary>
    private static string WeekLabel(Period week) =>
        week.Label.EndsWith("-W01", StringComparison.Ordinal) ? week.Label : week.Label[5..];

    private static (double[] Xs, double[] Ys) Points(KpiDefinition kpi, IReadOnlyList<TrendPoint> trend)
    {
        var present = trend.Select((p, i) => (Index: i, p.Value)).Where(p => p.Value is not null).ToList();
        return (present.Select(p => (double)p.Index).ToArray(), present.Select(p => Scale(kpi, p.Value!.Value)).ToArray());
    }

    /// <summary>The value axis holds every point and the target, with a little air, so the target line is never off the chart.</summary>
    private static void FitY(Plot plot, double[] ys, double? target)
    {
        var all = target is { } t ? [.. ys, t] : ys;
        if (all.Length == 0) return;
        double low = all.Min(), high = all.Max();
        var pad = high > low ? (high - low) * 0.12 : Math.Max(Math.Abs(high) * 0.1, 1);
        plot.Axes.SetLimitsY(low - pad, high + pad);
    }
}
