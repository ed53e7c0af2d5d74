using System.Globalization;

namespace Monitoring.Kpis;

/// <summary>The kinds of period the KPIs are reported over.</summary>
public enum PeriodKind
{
    /// <summary>One shop-time calendar day.</summary>
    Day,
    /// <summary>An ISO week, Monday to Sunday, numbered in its ISO week-year (2026-W53 ends on 3 January 2027).</summary>
    IsoWeek,
    /// <summary>A calendar month.</summary>
    Month,
    /// <summary>The twelve months ending on (and including) a given day.</summary>
    Rolling12Months,
}

/// <summary>
/// A span of shop-time calendar days, both ends included. Dates, not instants: the day an order belongs to is decided
/// once, in the shop's time zone (<see cref="ShopDays"/>), so a 23- or 25-hour day is still one day here.
/// </summary>
public readonly record struct Period(PeriodKind Kind, DateOnly Start, DateOnly End)
{
    /// <summary>How many days the period holds.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>True when the day falls in the period.</summary>
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>Every day of the period, in order.</summary>
    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = Start; day <= End; day = day.AddDays(1)) yield return day;
    }

    /// <summary>That day.</summary>
    public static Period Day(DateOnly day) => new(PeriodKind.Day, day, day);

    /// <summary>The ISO week holding the day.</summary>
    public static Period IsoWeekOf(DateOnly day) => IsoWeek(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)),
        ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>Week <paramref name="week"/> of ISO week-year <paramref name="year"/>; throws when the year has no such week.</summary>
    public static Period IsoWeek(int year, int week)
    {
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
            throw new ArgumentOutOfRangeException(nameof(week), $"{year} has {ISOWeek.GetWeeksInYear(year)} ISO weeks, not {week}");
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new Period(PeriodKind.IsoWeek, monday, monday.AddDays(6));
    }

    /// <summary>The calendar month.</summary>
    public static Period Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new Period(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The month holding the day.</summary>
    public static Period MonthOf(DateOnly day) => Month(day.Year, day.Month);

    /// <summary>The twelve months ending on <paramref name="end"/> (30 Nov 2026 → 1 Dec 2025 … 30 Nov 2026).</summary>
    public static Period Rolling12Months(DateOnly end) => new(PeriodKind.Rolling12Months, end.AddMonths(-12).AddDays(1), end);

    /// <summary>The period of the same kind just before this one.</summary>
    public Period Previous() => Kind switch
    {
        PeriodKind.Day => Day(Start.AddDays(-1)),
        PeriodKind.IsoWeek => IsoWeekOf(Start.AddDays(-7)),
        PeriodKind.Month => MonthOf(Start.AddMonths(-1)),
        _ => Rolling12Months(Start.AddDays(-1)),
    };

    /// <summary>
    /// The comparable period a year earlier: the same ISO week number (week 53 falls back to week 52 in a 52-week year),
    /// the same weekday 52 weeks earlier for a day (so a Monday compares with a Monday), the same month, or the
    /// twelve months ending a year earlier.
    /// </summary>
    public Period YearEarlier()
    {
        switch (Kind)
        {
            case PeriodKind.Day:
                return Day(Start.AddDays(-364));
            case PeriodKind.IsoWeek:
                var (year, week) = IsoYearAndWeek;
                return IsoWeek(year - 1, Math.Min(week, ISOWeek.GetWeeksInYear(year - 1)));
            case PeriodKind.Month:
                return Month(Start.Year - 1, Start.Month);
            default:
                return Rolling12Months(End.AddYears(-1));
        }
    }

    /// <summary>The <paramref name="count"/> periods of the same kind ending with this one, oldest first (the 13-week trend).</summary>
    public IReadOnlyList<Period> Trailing(int count)
    {
        var periods = new List<Period> { this };
        while (periods.Count < count) periods.Add(periods[^1].Previous());
        periods.Reverse();
        return periods;
    }

    private (int Year, int Week) IsoYearAndWeek =>
        (ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The label used on pages, in targets and in snapshots: 2026-11-23, 2026-W48, 2026-11, R12-2026-11-30.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.IsoWeek => $"{IsoYearAndWeek.Year:D4}-W{IsoYearAndWeek.Week:D2}",
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => "R12-" + End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The label.</summary>
    public override string ToString() => Label;

    /// <summary>Reads a <see cref="Label"/> back; null when the text is not one.</summary>
    public static Period? Parse(string text)
    {
        text = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (text.StartsWith("R12-", StringComparison.Ordinal))
            return DateOnly.TryParseExact(text[4..], "yyyy-MM-dd", inv, DateTimeStyles.None, out var end) ? Rolling12Months(end) : null;
        if (text.Length == 8 && text[4..6] == "-W" && int.TryParse(text[..4], inv, out var y) && int.TryParse(text[6..], inv, out var w))
            return w >= 1 && w <= ISOWeek.GetWeeksInYear(y) ? IsoWeek(y, w) : null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day)) return Day(day);
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var first)) return MonthOf(first);
        return null;
    }
}
