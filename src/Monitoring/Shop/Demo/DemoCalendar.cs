namespace Monitoring.Shop.Demo;

/// <summary>
/// The shop's calendar: Paris local time to UTC, and how busy a day is. B2B buyers order on working days, take
/// August off and stock up before year end; French public holidays are as quiet as a Saturday.
/// </summary>
internal sealed class DemoCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Orders per weekday, Monday first: Saturday and Sunday are a few per cent of a weekday.</summary>
    private static readonly double[] OrderWeekday = [1.08, 1.12, 1.06, 1.02, 0.86, 0.07, 0.03];

    /// <summary>Visits per weekday: browsing on weekends drops less than ordering.</summary>
    private static readonly double[] TrafficWeekday = [1.10, 1.10, 1.05, 1.02, 0.90, 0.32, 0.26];

    /// <summary>Orders per month, January first: the August dip and the November-December peak.</summary>
    private static readonly double[] OrderMonth = [0.95, 1.00, 1.05, 1.00, 0.92, 1.05, 0.90, 0.48, 1.05, 1.00, 1.22, 1.32];

    private static readonly double[] TrafficMonth = [0.97, 1.00, 1.04, 1.00, 0.95, 1.03, 0.92, 0.62, 1.04, 1.00, 1.15, 1.18];

    /// <summary>Growth per year of history on top of what new accounts bring (they outnumber churned ones).</summary>
    private const double YearlyGrowth = 0.05;

    public DemoCalendar(DateOnly start, DateOnly end)
    {
        Start = start;
        End = end;
        Days = end.DayNumber - start.DayNumber + 1;
        StartUtc = Utc(start, 0);
        EndUtc = Utc(end, 24.0 - 1.0 / 3600);
    }

    /// <summary>The first second of history, in UTC.</summary>
    public DateTimeOffset StartUtc { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public int Days { get; }

    /// <summary>The last second of history, in UTC: nothing happens after it.</summary>
    public DateTimeOffset EndUtc { get; }

    public DateOnly Day(int index) => Start.AddDays(index);

    /// <summary>Relative order volume of a day (about 1 on a weekday of an ordinary month).</summary>
    public double OrderWeight(DateOnly day) =>
        (IsHoliday(day) ? 0.05 : OrderWeekday[Monday(day)]) * OrderMonth[day.Month - 1] * Growth(day);

    /// <summary>Relative visit volume of a day.</summary>
    public double TrafficWeight(DateOnly day) =>
        (IsHoliday(day) ? 0.3 : TrafficWeekday[Monday(day)]) * TrafficMonth[day.Month - 1] * Growth(day);

    private double Growth(DateOnly day) => 1 + YearlyGrowth * (day.DayNumber - Start.DayNumber) / 365.25;

    private static int Monday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    /// <summary>The fixed-date French public holidays (the movable ones are left out: their effect is the same).</summary>
    public static bool IsHoliday(DateOnly day) => (day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14)
        or (8, 15) or (11, 1) or (11, 11) or (12, 25);

    /// <summary>A Paris wall-clock time of a day as UTC, to the second. Hours may pass 24 (the next day).</summary>
    public static DateTimeOffset Utc(DateOnly day, double localHour)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Floor(localHour * 3600));
        return new DateTimeOffset(local, Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The Paris calendar day of a UTC instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, Paris).DateTime);

    /// <summary>An office hour (7h-19h, peaks at 10h and 14h30) as a fraction of the day in hours.</summary>
    public static double OfficeHour(Random rng) => rng.Chance(0.55)
        ? Math.Clamp(rng.Normal(10, 1.4), 7, 12.5)
        : Math.Clamp(rng.Normal(14.5, 1.8), 12.5, 19.5);

    /// <summary>A visit hour: office hours mostly, some evenings.</summary>
    public static double VisitHour(Random rng) => rng.Chance(0.85) ? OfficeHour(rng) : rng.Between(19.5, 23.5);
}
