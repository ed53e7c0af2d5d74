using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

public sealed class ShopDaysTests
{
    private static readonly ShopDays Paris = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    [Theory]
    [InlineData(2026, 3, 29, 23)] // clocks go forward at 02:00
    [InlineData(2026, 10, 25, 25)] // clocks go back at 03:00
    [InlineData(2026, 11, 23, 24)]
    public void Gives_a_paris_day_its_true_length(int year, int month, int day, int hours)
    {
        var (start, end) = Paris.UtcRange(new DateOnly(year, month, day));

        Assert.Equal(TimeSpan.FromHours(hours), end - start);
    }

    [Theory]
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")] // local midnight of the short day
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")] // 23:59:59 CEST
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")] // local midnight of the long day (CEST)
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 02:30 CET, the repeated hour's second pass
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")] // 23:59:59 CET
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")] // new year in Paris before it is in UTC
    public void Maps_an_instant_to_its_paris_date(string instant, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            Paris.DayOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Covers_a_week_with_a_daylight_saving_change_without_gap_or_overlap()
    {
        var week = Period.IsoWeekOf(new DateOnly(2026, 10, 25));
        var (start, end) = Paris.UtcRange(week);

        Assert.Equal(TimeSpan.FromHours(7 * 24 + 1), end - start);
        Assert.Equal(Paris.UtcRange(week.Start).Start, start);
        Assert.Equal(Paris.UtcRange(week.End).End, end);
    }
}
