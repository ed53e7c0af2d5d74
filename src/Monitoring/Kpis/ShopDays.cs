namespace Monitoring.Kpis;

/// <summary>
/// Maps instants to the shop's calendar days and back (DESIGN.md decision 9). The rollup query filters on the UTC
/// bounds of a day given here, so that a Europe/Paris day of 23 hours (last Sunday of March) or 25 hours (last Sunday
/// of October) holds exactly the orders placed between its two local midnights.
/// </summary>
public sealed class ShopDays(TimeZoneInfo zone)
{
    /// <summary>The calendar of the shop's time zone as <c>monitoring.yaml</c> sets it.</summary>
    public static ShopDays Of(Checks.CheckSet checks) => new(TimeZoneInfo.FindSystemTimeZoneById(checks.Settings.TimeZone));

    /// <summary>The shop's time zone.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The shop-time date of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant the day starts: its local midnight (or the first local time after it, if a gap skips midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // A few zones move their clocks at midnight; then midnight does not exist and the day starts when it resumes.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // At an ambiguous midnight the first occurrence (the larger offset) is the start.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The UTC half-open range [start, end) of the day; its length is 23, 24 or 25 hours.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) UtcRange(DateOnly day) =>
        (StartOf(day).ToUniversalTime(), StartOf(day.AddDays(1)).ToUniversalTime());

    /// <summary>The UTC half-open range of a whole period.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) UtcRange(Period period) =>
        (StartOf(period.Start).ToUniversalTime(), StartOf(period.End.AddDays(1)).ToUniversalTime());
}
