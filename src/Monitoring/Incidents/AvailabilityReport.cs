using Monitoring.Checks;
using Monitoring.Storage;

namespace Monitoring.Incidents;

/// <summary>Availability of a check over one window.</summary>
/// <param name="Window">The window's name: <c>24h</c>, <c>7d</c>, <c>30d</c>, or a calendar month such as <c>2026-11</c>.</param>
public sealed record AvailabilityWindow(string Window, DateTimeOffset From, DateTimeOffset To, AvailabilityTotals Totals);

/// <summary>
/// Availability per check over the rolling windows (24 hours, 7 days, 30 days) and per calendar month in the shop's
/// time zone, summed from the hourly rollups: a year of one-minute probes is at most 8,760 rows per check.
/// Rolling windows are aligned to whole UTC hours (the current hour is included).
/// </summary>
public sealed class AvailabilityReport(IIncidentStore store, ActiveChecks checks)
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Length)> RollingWindows =
    [
        ("24h", TimeSpan.FromHours(24)),
        ("7d", TimeSpan.FromDays(7)),
        ("30d", TimeSpan.FromDays(30)),
    ];

    public async Task<IReadOnlyList<AvailabilityWindow>> RollingAsync(string checkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = TopOfHour(now).AddHours(1);
        var windows = new List<AvailabilityWindow>();
        foreach (var (name, length) in RollingWindows)
        {
            var from = to - length;
            windows.Add(new AvailabilityWindow(name, from, to, await store.AvailabilityAsync(checkId, from, to, cancellationToken)));
        }
        return windows;
    }

    /// <summary>The last <paramref name="count"/> calendar months, the current one first, in the shop's time zone.</summary>
    public async Task<IReadOnlyList<AvailabilityWindow>> MonthlyAsync(string checkId, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(checks.Current.Settings.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var windows = new List<AvailabilityWindow>();
        for (var i = 0; i < count; i++)
        {
            var month = new DateTime(local.Year, local.Month, 1).AddMonths(-i);
            var from = new DateTimeOffset(month, zone.GetUtcOffset(month));
            var next = month.AddMonths(1);
            var to = new DateTimeOffset(next, zone.GetUtcOffset(next));
            windows.Add(new AvailabilityWindow(month.ToString("yyyy-MM"), from, to,
                await store.AvailabilityAsync(checkId, from, to, cancellationToken)));
        }
        return windows;
    }

    private static DateTimeOffset TopOfHour(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
