using Cronos;
using Monitoring.Checks;

namespace Monitoring.Tests.Checks;

public sealed class SchedulesTests
{
    [Theory]
    [InlineData("1s")]
    [InlineData("5s")]
    [InlineData("15s")]
    [InlineData("30s")]
    [InlineData("1m")]
    [InlineData("5m")]
    [InlineData("30m")]
    [InlineData("1h")]
    [InlineData("6h")]
    [InlineData("1d")]
    public void Turns_an_even_interval_into_a_cron_that_fires_at_exactly_that_interval(string text)
    {
        Durations.TryParse(text, out var interval);

        Assert.True(Schedules.TryToCron(interval, "storefront-home", out var cron, out var error), error);

        var expression = CronExpression.Parse(cron, CronFormat.IncludeSeconds);
        var from = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var firings = expression.GetOccurrences(from, from.AddDays(2)).Take(5).ToList();
        Assert.All(firings.Zip(firings.Skip(1)), pair => Assert.Equal(interval, pair.Second - pair.First));
    }

    [Fact]
    public void Spreads_checks_over_the_interval_but_keeps_each_one_stable()
    {
        Schedules.TryToCron(TimeSpan.FromMinutes(1), "a", out var first, out _);
        Schedules.TryToCron(TimeSpan.FromMinutes(1), "a", out var again, out _);
        var crons = Enumerable.Range(0, 20).Select(i =>
        {
            Schedules.TryToCron(TimeSpan.FromMinutes(1), $"probe-{i}", out var cron, out _);
            return cron;
        });

        Assert.Equal(first, again);
        Assert.True(crons.Distinct().Count() > 10, "twenty checks should not all fire on the same second");
    }

    [Theory]
    [InlineData("7s")]
    [InlineData("7m")]
    [InlineData("90s")]
    [InlineData("5h")]
    [InlineData("2d")]
    [InlineData("500ms")]
    public void Refuses_an_interval_that_would_drift(string text)
    {
        Durations.TryParse(text, out var interval);

        Assert.False(Schedules.TryToCron(interval, "x", out _, out var error));
        Assert.Matches("cannot be scheduled evenly|is not a whole number of seconds", error);
    }
}
