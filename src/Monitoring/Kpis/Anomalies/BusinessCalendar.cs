namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// Days that do not behave like their weekday (public holidays, Black Friday, sales): the anomaly detector neither
/// uses them as a baseline nor flags them (R-KPI-15). An input, because holidays and peaks differ by country and shop.
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

    /// <summary>
    /// The eleven French public holidays of the years (Easter Monday, Ascension and Whit Monday move with Easter) and
    /// Black Friday (the Friday after the fourth Thursday of November) as a peak day.
    /// </summary>
    public static BusinessCalendar France(int fromYear, int toYear)
    {
        var list = new List<KeyValuePair<DateOnly, string>>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var easter = EasterSunday(year);
            void Add(DateOnly d, string name) => list.Add(new(d, name));
            Add(new DateOnly(year, 1, 1), "Jour de l'an");
            Add(easter.AddDays(1), "Lundi de Pâques");
            Add(new DateOnly(year, 5, 1), "Fête du travail");
            Add(new DateOnly(year, 5, 8), "Victoire 1945");
            Add(easter.AddDays(39), "Ascension");
            Add(easter.AddDays(50), "Lundi de Pentecôte");
            Add(new DateOnly(year, 7, 14), "Fête nationale");
            Add(new DateOnly(year, 8, 15), "Assomption");
            Add(new DateOnly(year, 11, 1), "Toussaint");
            Add(new DateOnly(year, 11, 11), "Armistice");
            Add(new DateOnly(year, 12, 25), "Noël");
            Add(BlackFriday(year), "Black Friday");
        }
        return new BusinessCalendar(list);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The day after the fourth Thursday of November.</summary>
    public static DateOnly BlackFriday(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(21 + 1);
    }
}
