using System.Globalization;
using Monitoring.Checks;
using Monitoring.Incidents;

namespace Monitoring.Web.Pages;

/// <summary>How numbers and times read on the pages, the same everywhere.</summary>
public static class Format
{
    public static string Ratio(double? ratio) => ratio is { } r
        ? (r * 100).ToString(r >= 0.9995 && r < 1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + " %"
        : "–";

    public static string Availability(IReadOnlyList<AvailabilityWindow> windows, string name) =>
        Ratio(windows.FirstOrDefault(w => w.Window == name)?.Totals.Ratio);

    public static string Ms(TimeSpan? duration) => duration is { } d
        ? d.TotalMilliseconds.ToString(d.TotalMilliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms"
        : "–";

    public static string Span(TimeSpan? duration) => duration is { } d ? Durations.Format(d < TimeSpan.FromSeconds(1) ? d : TimeSpan.FromSeconds(Math.Round(d.TotalSeconds))) : "–";

    public static string Time(DateTimeOffset? instant) => instant is { } i ? i.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";
}
