namespace Monitoring.Kpis.Reports;

/// <summary>A report that is due: which period, as which mail kind, and from when.</summary>
public sealed record DueReport(string Kind, Period Period, DateTimeOffset DueAt);

/// <summary>
/// When the reports are due, in the shop's time zone: the weekly report of the last complete ISO week from Monday at
/// the send time, the monthly pack of the previous month from the 1st at the send time. Local times, so 07:00 stays
/// 07:00 for the managers across a daylight-saving change (06:00 UTC in Paris winter, 05:00 UTC in summer).
/// </summary>
public static class KpiReportSchedule
{
    /// <summary>The reports due at <paramref name="now"/>; the job queues each once (the outbox's key is the period).</summary>
    public static IReadOnlyList<DueReport> Due(DateTimeOffset now, TimeZoneInfo zone, KpiReportOptions options)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var due = new List<DueReport>();
        if (options.Weekly)
        {
            var monday = Period.IsoWeekOf(today).Start;
            var at = LocalInstant(monday, options.SendAt, zone);
            if (now >= at && now < at + options.CatchUp) due.Add(new DueReport("weekly-report", Period.IsoWeekOf(monday).Previous(), at));
        }
        if (options.Monthly)
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            var at = LocalInstant(first, options.SendAt, zone);
            if (now >= at && now < at + options.CatchUp) due.Add(new DueReport("monthly-pack", Period.MonthOf(first.AddDays(-1)), at));
        }
        return due;
    }

    /// <summary>
    /// The instant a shop-time date and time happen. A time the clocks skip (02:30 on the spring change) happens when
    /// they resume, shifted by the gap (03:30); a time that happens twice (02:30 on the autumn change) is taken the first time.
    /// </summary>
    public static DateTimeOffset LocalInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap applied to the skipped wall time gives the instant the clocks jumped past it.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var instant = new DateTimeOffset(local, before);
            return TimeZoneInfo.ConvertTime(instant, zone);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
