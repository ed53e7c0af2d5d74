using Monitoring.Kpis;

namespace Monitoring.Web;

/// <summary>
/// Which report the page and <c>/api/kpis/report</c> are asked for: <c>?week=2026-W46</c> (a weekly report),
/// <c>?month=2026-10</c> (a monthly pack), or neither (the last complete ISO week).
/// </summary>
public static class ReportPeriod
{
    /// <summary>The period, or the message saying what to write instead.</summary>
    public static (Period Period, string? Problem) Parse(string? week, string? month, Period lastCompleteWeek)
    {
        if (!string.IsNullOrWhiteSpace(week) && !string.IsNullOrWhiteSpace(month))
            return (lastCompleteWeek, "Give either ?week= or ?month=, not both.");
        if (!string.IsNullOrWhiteSpace(week))
            return Period.Parse(week) is { Kind: PeriodKind.IsoWeek } chosen ? (chosen, null) : (lastCompleteWeek, $"'{week}' is not an ISO week (write 2026-W46).");
        if (!string.IsNullOrWhiteSpace(month))
            return Period.Parse(month) is { Kind: PeriodKind.Month } chosen ? (chosen, null) : (lastCompleteWeek, $"'{month}' is not a month (write 2026-10).");
        return (lastCompleteWeek, null);
    }
}
