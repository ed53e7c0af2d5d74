using Monitoring.Kpis.Anomalies;

namespace Monitoring.Kpis.Calendar;

/// <summary>
/// The shop's business calendar as <c>checks/kpis/calendar.yaml</c> declares it (R-KPI-15): the country whose public
/// holidays are built in (by default the one the shop's time zone implies), whether the built-in peaks (Black Friday,
/// Cyber Monday) count, and the shop's own days (sales, closures, regional holidays, trade fairs).
/// </summary>
public sealed record CalendarDefinition
{
    /// <summary>No file: the country of the time zone and its peaks, no days of the shop's own.</summary>
    public static readonly CalendarDefinition Default = new();

    /// <summary>The country whose holidays are built in; null for the one the time zone implies, <c>none</c> for none.</summary>
    public string? Country { get; init; }

    /// <summary>Whether Black Friday and Cyber Monday are peak days (default true).</summary>
    public bool BuiltInPeaks { get; init; } = true;

    /// <summary>The shop's own special days.</summary>
    public IReadOnlyList<CalendarDay> Days { get; init; } = [];

    /// <summary>The country in force for a shop in <paramref name="timeZone"/>, or null for no built-in holidays.</summary>
    public string? CountryFor(string timeZone) =>
        Country is null ? PublicHolidays.CountryOf(timeZone) : Country == "none" ? null : Country;

    /// <summary>The special days of the years given, for the anomaly detector. A day listed twice keeps its first name,
    /// the shop's own before the built-in ones.</summary>
    public BusinessCalendar Build(string timeZone, int fromYear, int toYear)
    {
        var days = new List<KeyValuePair<DateOnly, string>>();
        foreach (var day in Days)
            days.AddRange(day.DaysIn(fromYear, toYear).Select(d => new KeyValuePair<DateOnly, string>(d, day.Name)));
        var country = CountryFor(timeZone);
        for (var year = fromYear; year <= toYear; year++)
        {
            if (country is not null) days.AddRange(PublicHolidays.Of(country, year));
            if (BuiltInPeaks) days.AddRange(PublicHolidays.Peaks(year));
        }
        return new BusinessCalendar(days);
    }
}
