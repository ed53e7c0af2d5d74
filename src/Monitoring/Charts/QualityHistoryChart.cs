using Monitoring.Quality.Scoring;
using Monitoring.Storage;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// One record's grade history: its score as a step line (a score holds until the scan that changed it, which is how
/// the history is stored), carried on to now, with the grade thresholds as dashed lines so the grade reads at a glance.
/// </summary>
public static class QualityHistoryChart
{
    public const int Width = 720;
    public const int Height = 260;

    public static string RenderSvg(string title, IReadOnlyList<RecordScorePoint> history, DateTimeOffset now, int width = Width, int height = Height)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel("score");
        plot.Axes.Bottom.Label.Text = "scan (UTC)";
        GradeLines(plot);
        if (history.Count == 0)
        {
            plot.Add.Annotation("not scored yet");
        }
        else
        {
            var xs = history.Select(p => p.ScannedAt.UtcDateTime.ToOADate()).Append(now.UtcDateTime.ToOADate()).ToArray();
            var ys = history.Select(p => p.Score).Append(history[^1].Score).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Colors.SteelBlue;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            var changes = plot.Add.Markers(xs[..^1], ys[..^1], MarkerShape.FilledCircle, 6, Colors.SteelBlue);
            changes.LegendText = "score change";
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.SetLimitsX(xs[0] - 0.02 * Math.Max(xs[^1] - xs[0], 1), xs[^1]);
        }
        plot.Axes.SetLimitsY(0, 105);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>Dashed lines at the lower bound of grades A to D.</summary>
    internal static void GradeLines(Plot plot)
    {
        var policy = GradingPolicy.Default;
        foreach (var (grade, bound) in new[] { (QualityGrade.A, policy.A), (QualityGrade.B, policy.B), (QualityGrade.C, policy.C), (QualityGrade.D, policy.D) })
        {
            var line = plot.Add.HorizontalLine(bound, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dashed);
            line.LabelText = grade.ToString();
        }
    }
}
