using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

public sealed class PeriodTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData("2026-12-31", "2026-W53", "2026-12-28", "2027-01-03")] // 2026 starts on a Thursday: 53 ISO weeks
    [InlineData("2027-01-03", "2026-W53", "2026-12-28", "2027-01-03")] // a Sunday of 2027 in 2026's last week
    [InlineData("2027-01-04", "2027-W01", "2027-01-04", "2027-01-10")]
    [InlineData("2024-12-30", "2025-W01", "2024-12-30", "2025-01-05")] // a Monday of 2024 in 2025's first week
    public void Places_a_day_in_its_iso_week_and_week_year(string day, string label, string start, string end)
    {
        var week = Period.IsoWeekOf(D(day));

        Assert.Equal((label, D(start), D(end), 7), (week.Label, week.Start, week.End, week.Days));
    }

    [Theory]
    [InlineData("2027-W01", "2026-W53")]
    [InlineData("2026-W01", "2025-W52")]
    [InlineData("2026-12", "2026-11")]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-03-01", "2026-02-28")]
    [InlineData("R12-2026-11-30", "R12-2025-11-30")]
    public void Steps_back_to_the_previous_period_across_year_boundaries(string label, string previous) =>
        Assert.Equal(previous, Period.Parse(label)!.Value.Previous().Label);

    [Theory]
    [InlineData("2026-W48", "2025-W48")]
    [InlineData("2026-W53", "2025-W52")] // 2025 has no week 53: its last week stands in
    [InlineData("2026-11-23", "2025-11-24")] // a Monday compares with a Monday, 52 weeks earlier
    [InlineData("2026-11", "2025-11")]
    public void Finds_the_same_period_a_year_earlier(string label, string yearEarlier) =>
        Assert.Equal(yearEarlier, Period.Parse(label)!.Value.YearEarlier().Label);

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-W53")]
    [InlineData("2026-02")]
    [InlineData("R12-2026-02-28")]
    public void Reads_back_its_own_label(string label) => Assert.Equal(label, Period.Parse(label)!.Value.Label);

    [Theory]
    [InlineData("2025-W53")]
    [InlineData("2026-13")]
    [InlineData("last week")]
    public void Refuses_a_label_that_names_no_period(string label) => Assert.Null(Period.Parse(label));

    [Fact]
    public void Makes_rolling_twelve_months_end_on_the_day_given()
    {
        var period = Period.Rolling12Months(D("2026-11-30"));

        Assert.Equal((D("2025-12-01"), D("2026-11-30"), 365), (period.Start, period.End, period.Days));
    }

    [Fact]
    public void Makes_a_february_of_a_leap_year_29_days() => Assert.Equal(29, Period.Month(2028, 2).Days);

    [Fact]
    public void Lists_thirteen_weeks_oldest_first_across_the_year_boundary()
    {
        var weeks = Period.IsoWeek(2027, 2).Trailing(13);

        Assert.Equal(13, weeks.Count);
        Assert.Equal(("2026-W43", "2027-W02"), (weeks[0].Label, weeks[^1].Label));
        Assert.Contains(weeks, w => w.Label == "2026-W53");
    }

    [Fact]
    public void Refuses_week_53_of_a_year_that_has_52() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.IsoWeek(2025, 53));
}
