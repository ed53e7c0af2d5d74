using System.Globalization;

namespace Monitoring.Quality.Digest;

/// <summary>One week's digest: its ISO week (in the shop's time zone), the instant it is due, and the week it covers,
/// [<see cref="From"/>, <see cref="To"/>) = from the previous digest's send time to this one's.</summary>
public sealed record DigestWeek(int IsoYear, int IsoWeek, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>As written in the outbox key and subject: <c>2026-W48</c>.</summary>
    public string Name => $"{IsoYear}-W{IsoWeek:00}";

    public DateTimeOffset DueAt => To;
}

/// <summary>
/// When a weekly digest is due: at a day of the week and a local time in the shop's time zone, once per ISO week. A
/// service that was down at that time sends it when it comes back, as long as the same ISO week lasts; after that the
/// week's digest is skipped rather than sent stale.
/// </summary>
public sealed class DigestSchedule(TimeZoneInfo zone, DayOfWeek day, TimeOnly time)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The digest of this ISO week when its time has come, or null (before it, the week has nothing due).</summary>
    public DigestWeek? Due(DateTimeOffset now)
    {
        var latest = Latest(now);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var (year, week) = IsoWeekOf(today);
        return latest.IsoYear == year && latest.IsoWeek == week ? latest : null;
    }

    /// <summary>The most recent week whose digest time is at or before <paramref name="now"/>.</summary>
    public DigestWeek Latest(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var (year, week) = IsoWeekOf(today);
        var thisWeek = Of(year, week);
        if (thisWeek.DueAt <= now) return thisWeek;
        var (previousYear, previousWeek) = IsoWeekOf(today.AddDays(-7));
        return Of(previousYear, previousWeek);
    }

    /// <summary>The digest of the ISO week <paramref name="now"/> is in: the next one to be sent, or the one just sent.</summary>
    public DigestWeek Current(DateTimeOffset now)
    {
        var (year, week) = IsoWeekOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime));
        return Of(year, week);
    }

    /// <summary>The digest of an ISO week.</summary>
    public DigestWeek Of(int isoYear, int isoWeek)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, isoWeek, DayOfWeek.Monday));
        var sendDay = monday.AddDays(((int)day - (int)DayOfWeek.Monday + 7) % 7);
        return new DigestWeek(isoYear, isoWeek, SendTime(sendDay.AddDays(-7)), SendTime(sendDay));
    }

    /// <summary>Parses <c>2026-W48</c>; false for anything else.</summary>
    public static bool TryParseWeek(string? text, out int isoYear, out int isoWeek)
    {
        isoYear = isoWeek = 0;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] is not ('W' or 'w')) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out isoYear) ||
            !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out isoWeek)) return false;
        return isoYear is >= 2000 and <= 9998 && isoWeek >= 1 && isoWeek <= ISOWeek.GetWeeksInYear(isoYear);
    }

    private static (int Year, int Week) IsoWeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The instant of the local send time on a day; a time a clock change skips moves to when it resumes, and
    /// one it repeats is its first occurrence.</summary>
    private DateTimeOffset SendTime(DateOnly sendDay)
    {
        var local = sendDay.ToDateTime(time);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
