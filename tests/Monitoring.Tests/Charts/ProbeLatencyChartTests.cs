using Monitoring.Charts;
using Monitoring.Probes;

namespace Monitoring.Tests.Charts;

public sealed class ProbeLatencyChartTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static ProbeResult Run(int minute, double ms, bool passed) => new(Guid.NewGuid(), "home", Start.AddMinutes(minute),
        TimeSpan.FromMilliseconds(ms), passed ? ProbeOutcome.Pass : ProbeOutcome.Fail, passed ? 200 : 500, "");

    [Fact]
    public void Draws_its_title_and_axis_labels_as_text()
    {
        var svg = ProbeLatencyChart.RenderSvg("home: last 24 hours", [Run(0, 120, true), Run(1, 140, true), Run(2, 900, false)]);

        Assert.Contains("<svg", svg);
        Assert.Contains("home: last 24 hours", svg);
        Assert.Contains("response time (ms)", svg);
        Assert.Contains(ChartFonts.Preferred, svg);
    }

    [Fact]
    public void Says_so_when_there_is_nothing_to_draw()
    {
        var svg = ProbeLatencyChart.RenderSvg("home", []);

        Assert.Contains("no runs in this window yet", svg);
    }
}
