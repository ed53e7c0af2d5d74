using Monitoring.Kpis;
using Monitoring.Kpis.Families;

namespace Monitoring.Tests.Kpis;

public sealed class ComparisonTests
{
    [Theory]
    [InlineData(110.0, 100.0, 10.0, 0.10)]
    [InlineData(90.0, 100.0, -10.0, -0.10)]
    [InlineData(-5.0, -10.0, 5.0, 0.5)] // a loss halved is an improvement of half
    public void Gives_the_change_in_units_and_as_a_share(double current, double previous, double absolute, double relative)
    {
        var change = KpiChange.Between((decimal)current, (decimal)previous);

        Assert.Equal(((decimal)absolute, (decimal)relative), (change.Absolute, change.Relative));
    }

    [Fact]
    public void Has_no_relative_change_from_zero_or_from_nothing()
    {
        Assert.Equal(new KpiChange(5m, null), KpiChange.Between(5m, 0m));
        Assert.Equal(new KpiChange(null, null), KpiChange.Between(5m, null));
    }

    [Theory]
    [InlineData(true, 110.0, 100.0, null, 0.05, Light.Green)]
    [InlineData(true, 100.0, 100.0, null, 0.05, Light.Green)]
    [InlineData(true, 96.0, 100.0, null, 0.05, Light.Amber)] // within 5 % of the target
    [InlineData(true, 90.0, 100.0, 85.0, 0.05, Light.Amber)] // missed but better than last period
    [InlineData(true, 90.0, 100.0, 95.0, 0.05, Light.Red)] // missed and getting worse
    [InlineData(true, 90.0, 100.0, null, 0.05, Light.Red)]
    [InlineData(true, 92.0, 100.0, null, 0.10, Light.Amber)] // a wider tolerance
    [InlineData(false, 0.35, 0.40, null, 0.05, Light.Green)] // bounce rate under its 40 % target
    [InlineData(false, 0.41, 0.40, null, 0.05, Light.Amber)]
    [InlineData(false, 0.50, 0.40, 0.55, 0.05, Light.Amber)]
    [InlineData(false, 0.50, 0.40, 0.45, 0.05, Light.Red)]
    [InlineData(true, null, 100.0, null, 0.05, Light.Grey)] // no value
    [InlineData(true, 100.0, null, null, 0.05, Light.Grey)] // no target
    public void Lights_a_value_against_its_target_respecting_which_way_is_good(
        bool higherIsBetter, double? actual, double? target, double? previous, double tolerance, Light expected) =>
        Assert.Equal(expected, TrafficLight.Judge(higherIsBetter, (decimal?)actual, (decimal?)target, (decimal?)previous, (decimal)tolerance));

    private static readonly SegmentKey Web = new(SegmentKey.SalesChannel, "web");

    [Theory]
    [InlineData("2026-W48", "2026-W48")] // the target of that very week wins over the weekly one
    [InlineData("2026-W47", "week")]
    [InlineData("2027-W02", null)] // the weekly target's deadline has passed
    [InlineData("2026-11", null)] // no monthly target
    public void Finds_the_target_of_a_period(string period, string? expectedPeriod)
    {
        KpiTarget[] targets =
        [
            new("orders", Web, "week", 100m, new DateOnly(2026, 12, 31), "Claire", null),
            new("orders", Web, "2026-W48", 150m, null, "Claire", "Black Friday week"),
            new("orders", SegmentKey.All, "month", 900m, null, "Paul", null),
        ];

        Assert.Equal(expectedPeriod, KpiTarget.Find(targets, "orders", Web, Period.Parse(period)!.Value)?.Period);
    }

    [Fact]
    public void Compares_a_week_with_the_week_before_the_same_week_last_year_its_trend_and_its_target()
    {
        // Orders on every day: 10 a day in 2025, 20 a day in 2026, 28 a day in week 48 of 2026.
        var week = Period.IsoWeek(2026, 48);
        var facts = new DailyFactsSet(new Period(PeriodKind.Day, new DateOnly(2025, 1, 1), week.End).EachDay()
            .Select(d => new DailyFacts(d, SegmentKey.All, new FactSums { Orders = week.Contains(d) ? 28 : d.Year == 2025 ? 10 : 20 })));
        KpiTarget[] targets = [new("orders", SegmentKey.All, "week", 200m, null, "Paul", "two hundred a week")];

        var comparison = KpiComparison.Of(BasketKpis.Orders, week, SegmentKey.All, p => facts.Input(p, SegmentKey.All), targets);

        Assert.Equal(196m, comparison.Current.Value);
        Assert.Equal((140m, 56m, 0.4m), (comparison.Previous.Value, comparison.ChangeOnPrevious.Absolute, comparison.ChangeOnPrevious.Relative));
        Assert.Equal((70m, 126m), (comparison.YearEarlier.Value, comparison.ChangeOnYearEarlier.Absolute));
        Assert.Equal(13, comparison.Trend.Count);
        Assert.Equal((Period.IsoWeek(2026, 36), 140m), (comparison.Trend[0].Period, comparison.Trend[0].Value));
        Assert.Equal((week, 196m), (comparison.Trend[^1].Period, comparison.Trend[^1].Value));
        Assert.Equal(Light.Amber, comparison.Light); // 196 is within 5 % of 200
    }
}
