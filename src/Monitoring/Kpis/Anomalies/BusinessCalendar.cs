namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// Days that do not behave like their weekday (public holidays, Black Friday, sales): the anomaly detector neither
/// uses them as a baseline nor flags them (R-KPI-15). An input, because holidays and peaks differ by country and shop: built from
/// <c>checks/kpis/calendar.yaml</c> by <see cref="Calendar.CalendarDefinition"/>.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly Dictionary<DateOnly, string> days;

    /// <summary>A calendar of these special days, each with its name.</summary>
    public BusinessCalendar(IEnumerable<KeyValuePair<DateOnly, string>> specialDays)
    {
        days = new Dictionary<DateOnly, string>();
        foreach (var (day, name) in specialDays) days.TryAdd(day, name);
    }

    /// <summary>No special days.</summary>
    public static readonly BusinessCalendar None = new([]);

    /// <summary>True when the day is a holiday or a peak day.</summary>
    public bool IsSpecial(DateOnly day) => days.ContainsKey(day);

    /// <summary>The name of the special day, or null.</summary>
    public string? NameOf(DateOnly day) => days.GetValueOrDefault(day);

    /// <summary>This calendar with more special days.</summary>
    public BusinessCalendar With(IEnumerable<KeyValuePair<DateOnly, string>> more) => new(days.Concat(more));
}
