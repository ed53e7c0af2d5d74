using System.Globalization;
using Monitoring.Checks.Yaml;

namespace Monitoring.Kpis.Calendar;

/// <summary>
/// Reads <c>checks/kpis/calendar.yaml</c>: <c>country</c>, <c>peaks</c> and the <c>days:</c> list. Every problem is a
/// diagnostic with file, line and path; an entry with an error is left out.
/// </summary>
public static class CalendarReader
{
    public const string FileName = "calendar.yaml";

    /// <summary>The path of the file under the checks folder.</summary>
    public static string RelativePath => Path.Combine(KpiTargetReader.Folder, FileName);

    /// <summary>The longest span one entry may cover: a longer one would leave a whole season without anomaly detection.</summary>
    public const int LongestSpanDays = 92;

    public static CalendarDefinition Read(ConfigNode fileNode)
    {
        if (!fileNode.ExpectMapping()) return CalendarDefinition.Default;
        var country = ReadCountry(fileNode);
        var peaks = fileNode.Bool("peaks") ?? true;
        var days = new List<CalendarDay>();
        foreach (var item in fileNode.Items("days"))
            if (ReadDay(item) is { } day) days.Add(day);
        fileNode.RejectUnknownKeys();
        return new CalendarDefinition { Country = country, BuiltInPeaks = peaks, Days = days };
    }

    private static string? ReadCountry(ConfigNode node)
    {
        var child = node.Child("country");
        var text = child?.Scalar()?.Trim();
        if (child is null || text is null) return null;
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase)) return "none";
        var code = text.ToUpperInvariant();
        if (PublicHolidays.Countries.Contains(code)) return code;
        child.Error($"'{text}' is not a country with built-in holidays (known: {string.Join(", ", PublicHolidays.Countries)}, or none; " +
                    "list other countries' holidays under days:)");
        return null;
    }

    private static CalendarDay? ReadDay(ConfigNode node)
    {
        if (!node.ExpectMapping()) return null;
        var errorsBefore = node.File.Diagnostics.Errors.Count;
        var name = node.RequiredString("name")?.Trim();
        var dateNode = node.Child("date");
        var fromNode = node.Child("from");
        var toNode = node.Child("to");
        CalendarDay? day = null;
        if (dateNode is not null && (fromNode is not null || toNode is not null))
            node.Error("write either date: (one day, or mm-dd for every year) or from: and to: (a span), not both");
        else if (dateNode is not null)
            day = ReadDate(dateNode, name ?? "");
        else if (fromNode is not null && toNode is not null)
            day = ReadSpan(fromNode, toNode, name ?? "");
        else
            node.Error(fromNode is not null ? "to: is missing (the last day of the span)"
                : toNode is not null ? "from: is missing (the first day of the span)"
                : "date: is missing (2026-12-24, 12-24 for every year, or from: and to: for a span)");
        node.RejectUnknownKeys();
        return node.File.Diagnostics.Errors.Count != errorsBefore || name is null ? null : day;
    }

    private static CalendarDay? ReadDate(ConfigNode node, string name)
    {
        var text = node.Scalar()?.Trim() ?? "";
        if (Date(text) is { } date) return new CalendarDay(name) { From = date, To = date };
        if (DateTime.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var yearly))
            return new CalendarDay(name) { Yearly = (yearly.Month, yearly.Day) };
        node.Error($"'{text}' is not a date (write yyyy-mm-dd for one day, e.g. 2026-12-24, or mm-dd for every year, e.g. 12-24)");
        return null;
    }

    private static CalendarDay? ReadSpan(ConfigNode fromNode, ConfigNode toNode, string name)
    {
        var from = Date(fromNode.Scalar()?.Trim() ?? "");
        var to = Date(toNode.Scalar()?.Trim() ?? "");
        if (from is null) fromNode.Error($"'{fromNode.Scalar()}' is not a date (write yyyy-mm-dd, e.g. 2027-01-13)");
        if (to is null) toNode.Error($"'{toNode.Scalar()}' is not a date (write yyyy-mm-dd, e.g. 2027-02-09)");
        if (from is null || to is null) return null;
        if (to < from)
        {
            toNode.Error($"{to:yyyy-MM-dd} is before from: {from:yyyy-MM-dd}");
            return null;
        }
        if (to.Value.DayNumber - from.Value.DayNumber + 1 > LongestSpanDays)
        {
            toNode.Error($"the span covers {to.Value.DayNumber - from.Value.DayNumber + 1} days; at most {LongestSpanDays} " +
                         "(the detector would be blind for a whole season)");
            return null;
        }
        return new CalendarDay(name) { From = from, To = to };
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
