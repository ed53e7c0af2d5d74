namespace Monitoring.Tests.Shop.Demo;

/// <summary>Orders follow a B2B calendar and visits narrow through the funnel.</summary>
public sealed class DemoSeasonalityTests(SmallDemoRun small) : IClassFixture<SmallDemoRun>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private readonly DemoRun _run = small.Run;

    private List<DateTime> OrderTimes()
    {
        var orders = _run["order"];
        return orders.Rows.Select(r => TimeZoneInfo.ConvertTime(orders.Get<DateTimeOffset>(r, "placed_at"), Paris).DateTime).ToList();
    }

    /// <summary>Orders in a month of the one full calendar year the history holds (2025, for an end on 2026-11-30).</summary>
    private int OrdersIn(int month) => OrderTimes().Count(t => t.Year == 2025 && t.Month == month);

    [Fact]
    public void Weekdays_take_far_more_orders_than_weekends()
    {
        var times = OrderTimes();
        var weekend = times.Count(t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) / 2.0;
        var weekday = times.Count(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) / 5.0;

        Assert.True(weekday > 8 * weekend, $"{weekday:F0} orders per weekday, {weekend:F0} per weekend day");
    }

    [Fact]
    public void August_dips_well_below_June()
    {
        Assert.True(OrdersIn(8) < 0.65 * OrdersIn(6), $"August {OrdersIn(8)}, June {OrdersIn(6)}");
    }

    [Fact]
    public void December_peaks_above_October()
    {
        Assert.True(OrdersIn(12) > 1.15 * OrdersIn(10), $"December {OrdersIn(12)}, October {OrdersIn(10)}");
    }

    [Fact]
    public void The_second_year_orders_more_than_the_first()
    {
        var split = new DateTime(2025, 12, 1);
        var times = OrderTimes();

        Assert.True(times.Count(t => t >= split) > times.Count(t => t < split));
    }

    [Fact]
    public void Each_funnel_step_is_reached_by_fewer_sessions()
    {
        string[] steps = ["none", "product", "cart", "checkout", "payment", "order"];
        var sessions = _run["session"];
        var furthest = steps.Select(s => sessions.Rows.Count(r => sessions.Get<string>(r, "furthest_step") == s)).ToArray();
        var reached = steps.Select((_, i) => furthest.Skip(i).Sum()).ToArray();

        for (var i = 1; i < steps.Length; i++)
            Assert.True(reached[i] < reached[i - 1], $"{reached[i]} sessions reached {steps[i]}, {reached[i - 1]} {steps[i - 1]}");
        for (var i = 1; i < 4; i++)
            Assert.True(furthest[i] < furthest[i - 1], $"{furthest[i]} sessions stopped at {steps[i]}, {furthest[i - 1]} at {steps[i - 1]}");
    }

    [Fact]
    public void Every_web_order_has_the_session_that_placed_it()
    {
        var orders = _run["order"];
        var sessions = _run["session"];
        var web = orders.Rows.Count(r => orders.Get<string>(r, "channel") == "web");

        Assert.Equal(web, sessions.Rows.Count(r => sessions.Get<string>(r, "furthest_step") == "order"));
        Assert.InRange((double)web / orders.Count, 0.4, 0.65);
    }
}
