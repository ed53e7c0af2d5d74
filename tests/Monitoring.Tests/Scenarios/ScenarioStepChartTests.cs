using Monitoring.Charts;
using Monitoring.Scenarios;

namespace Monitoring.Tests.Scenarios;

public sealed class ScenarioStepChartTests
{
    private static readonly StepResult[] Steps =
    [
        new(0, "sign-in", "sign in", StepOutcome.Pass, 200, TimeSpan.Zero, TimeSpan.FromMilliseconds(120), "", null),
        new(1, "add-to-cart", "add to cart", StepOutcome.Fail, 500, TimeSpan.FromMilliseconds(121), TimeSpan.FromMilliseconds(80), "", null),
        new(2, "checkout", "checkout", StepOutcome.Skipped, null, TimeSpan.FromMilliseconds(201), TimeSpan.Zero, "", null),
    ];

    [Fact]
    public void Draws_every_step_name_and_the_failing_step_in_red()
    {
        var svg = ScenarioStepChart.RenderSvg("b2b-checkout: steps", Steps);

        Assert.Contains("b2b-checkout: steps", svg);
        Assert.Contains("2. add to cart", svg);
        Assert.Contains("3. checkout", svg);
        Assert.Contains(ScenarioStepChart.ColorOf(StepOutcome.Fail).ToHex().ToLowerInvariant()[..7], svg.ToLowerInvariant());
    }

    [Fact]
    public void Says_so_when_the_scenario_never_ran() =>
        Assert.Contains("no run recorded yet", ScenarioStepChart.RenderSvg("x", []));
}
