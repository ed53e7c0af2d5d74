using Monitoring.Scenarios;
using ScottPlot;

namespace Monitoring.Charts;

/// <summary>
/// A waterfall of one scenario run: one horizontal bar per step, from when it started to when it ended, the first step
/// at the top. Passed steps blue, slow ones orange, the failing step red, steps not run grey (a thin mark at where the
/// run stopped), so that which step broke, and where the time went, reads at a glance.
/// </summary>
public static class ScenarioStepChart
{
    public static string RenderSvg(string title, IReadOnlyList<StepResult> steps, int width = 720, int height = 0)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Bottom.Label.Text = "time from the start of the run (ms)";
        height = height > 0 ? height : 120 + 34 * Math.Max(steps.Count, 1);

        if (steps.Count == 0)
        {
            plot.Add.Annotation("no run recorded yet");
            return plot.GetSvgXml(width, height);
        }

        var bars = steps.Select((step, i) => new Bar
        {
            // The first step at the top: positions count down.
            Position = steps.Count - 1 - i,
            ValueBase = step.Offset.TotalMilliseconds,
            Value = step.Offset.TotalMilliseconds + Math.Max(step.Duration.TotalMilliseconds, 0.5),
            FillColor = ColorOf(step.Outcome),
            Label = step.Outcome == StepOutcome.Skipped ? "not run" : $"{step.Duration.TotalMilliseconds:0} ms",
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontSize = 11;

        var ticks = steps.Select((step, i) => new Tick(steps.Count - 1 - i, $"{i + 1}. {step.Name}")).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.05, top: 0.05);
        plot.Grid.YAxisStyle.IsVisible = false;
        return plot.GetSvgXml(width, height);
    }

    public static Color ColorOf(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Pass => Colors.SteelBlue,
        StepOutcome.Degraded => Colors.Orange,
        StepOutcome.Fail => Colors.Crimson,
        _ => Colors.LightGray,
    };
}
