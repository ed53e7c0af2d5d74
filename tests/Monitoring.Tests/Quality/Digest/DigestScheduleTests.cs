using Monitoring.Quality.Digest;

namespace Monitoring.Tests.Quality.Digest;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DigestSchedule MondayEight = new(Paris, DayOfWeek.Monday, new TimeOnly(8, 0));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Is_due_from_monday_eight_shop_time_until_the_iso_week_ends()
    {
        // Monday 2026-11-23 08:00 in Paris (CET, +01:00) is 07:00 UTC.
        Assert.Null(MondayEight.Due(Utc(11, 23, 6, 59)));
        var week = MondayEight.Due(Utc(11, 23, 7, 0));
        Assert.Equal(("2026-W48", Utc(11, 16, 7), Utc(11, 23, 7)), (week!.Name, week.From, week.To));
        // Sunday 23:59 in Paris is still week 48; Monday 00:30 in Paris is week 49, whose digest is not due before 08:00.
        Assert.Equal("2026-W48", MondayEight.Due(Utc(11, 29, 22, 59))?.Name);
        Assert.Null(MondayEight.Due(Utc(11, 29, 23, 30)));
        Assert.Equal("2026-W48", MondayEight.Latest(Utc(11, 29, 23, 30)).Name);
        Assert.Equal("2026-W49", MondayEight.Latest(Utc(11, 30, 7)).Name);
        Assert.Equal("2026-W49", MondayEight.Current(Utc(11, 29, 23, 30)).Name);
        Assert.Equal("2026-W48", MondayEight.Current(Utc(11, 23, 6)).Name);
    }

    [Fact]
    public void Covers_the_week_between_two_send_times_across_a_clock_change_and_a_year_end()
    {
        // Clocks go forward on Sunday 2026-03-29: Monday 08:00 is 07:00 UTC before and 06:00 UTC after; the week is 167 hours.
        var spring = MondayEight.Due(Utc(3, 30, 6));
        Assert.Equal(("2026-W14", Utc(3, 23, 7), Utc(3, 30, 6)), (spring!.Name, spring.From, spring.To));
        // 2026 has 53 ISO weeks; Monday 2027-01-04 starts 2027-W01.
        var newYear = MondayEight.Due(Utc(1, 4, 7, year: 2027));
        Assert.Equal(("2027-W01", Utc(12, 28, 7)), (newYear!.Name, newYear.From));
        Assert.Equal("2026-W53", MondayEight.Latest(Utc(1, 4, 6, year: 2027)).Name);
    }

    [Fact]
    public void Takes_another_day_and_time()
    {
        var friday = new DigestSchedule(Paris, DayOfWeek.Friday, new TimeOnly(17, 30));

        Assert.Null(friday.Due(Utc(11, 27, 16, 29)));
        Assert.Equal(("2026-W48", Utc(11, 20, 16, 30), Utc(11, 27, 16, 30)), (friday.Due(Utc(11, 27, 16, 30))!.Name, friday.Of(2026, 48).From, friday.Of(2026, 48).To));
        Assert.Equal("2026-W47", friday.Latest(Utc(11, 23, 7)).Name);
    }

    [Theory]
    [InlineData("2026-W48", true, 2026, 48)]
    [InlineData("2020-W53", true, 2020, 53)]
    [InlineData("2025-W53", false, 0, 0)]
    [InlineData("2026-48", false, 0, 0)]
    [InlineData("2026-W00", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void Parses_iso_weeks(string text, bool valid, int year, int week)
    {
        Assert.Equal(valid, DigestSchedule.TryParseWeek(text, out var y, out var w));
        if (valid) Assert.Equal((year, week), (y, w));
    }
}
