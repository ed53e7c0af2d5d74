namespace Monitoring.Kpis.Calendar;

/// <summary>
/// One entry of <c>checks/kpis/calendar.yaml</c>'s <c>days:</c> — a day (<c>2026-12-24</c>), the same day every year
/// (<c>12-24</c>) or a span of days (<c>from</c>/<c>to</c>, such as the winter sales) — with the name shown where the
/// detector left the day out.
/// </summary>
public sealed record CalendarDay(string Name)
{
    /// <summary>The first day of a one-off day or span.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day of a span (equal to <see cref="From"/> for one day).</summary>
    public DateOnly? To { get; init; }

    /// <summary>The month and day of an entry that comes back every year.</summary>
    public (int Month, int Day)? Yearly { get; init; }

    /// <summary>The days of this entry that fall in the years given.</summary>
    public IEnumerable<DateOnly> DaysIn(int fromYear, int toYear)
    {
        if (Yearly is var (month, day))
        {
            for (var year = fromYear; year <= toYear; year++)
                if (day <= DateTime.DaysInMonth(year, month)) yield return new DateOnly(year, month, day); // 29 February
            yield break;
        }
        for (var d = From!.Value; d <= To!.Value; d = d.AddDays(1))
            if (d.Year >= fromYear && d.Year <= toYear) yield return d;
    }
}
