using Monitoring.Kpis;
using Monitoring.Kpis.Reports;

namespace Monitoring.Tests.Kpis;

/// <summary>When the reports are due in the shop's time zone, across the daylight-saving changes of Europe/Paris in 2026.</summary>
public sealed class KpiReportScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly KpiReportOptions Defaults = new();

    private static DueReport? Weekly(string utc, KpiReportOptions? options = null) =>
        KpiReportSchedule.Due(DateTimeOffset.Parse(utc), Paris, options ?? Defaults).SingleOrDefault(d => d.Kind == "weekly-report");

    [Theory]
    // Summer time ended on Sunday 25 October: 07:00 on Monday the 19th is 05:00 UTC, on Monday the 26th 06:00 UTC.
    [InlineData("2026-10-19T04:59:00Z", null, null)]
    [InlineData("2026-10-19T05:00:00Z", "2026-W42", "2026-10-19T05:00:00Z")]
    [InlineData("2026-10-26T05:30:00Z", null, null)]
    [InlineData("2026-10-26T06:00:00Z", "2026-W43", "2026-10-26T06:00:00Z")]
    // Summer time began on Sunday 29 March: 07:00 on Monday the 23rd is 06:00 UTC, on Monday the 30th 05:00 UTC.
    [InlineData("2026-03-23T05:59:00Z", null, null)]
    [InlineData("2026-03-23T06:00:00Z", "2026-W12", "2026-03-23T06:00:00Z")]
    [InlineData("2026-03-30T05:00:00Z", "2026-W13", "2026-03-30T05:00:00Z")]
    // Later in the week the same report stays due (the outbox's key makes it one email).
    [InlineData("2026-10-27T12:00:00Z", "2026-W43", "2026-10-26T06:00:00Z")] // caught up the next day
    [InlineData("2026-10-28T12:00:00Z", null, null)] // more than CatchUp (2 days) late: skipped
    public void Queues_the_last_week_at_seven_on_monday_shop_time(string now, string? week, string? dueAt)
    {
        var due = Weekly(now);

        Assert.Equal(week, due?.Period.Label);
        Assert.Equal(dueAt is null ? null : DateTimeOffset.Parse(dueAt), due?.DueAt);
    }

    [Fact]
    public void Queues_the_previous_month_on_the_first_at_the_configured_hour()
    {
        var options = new KpiReportOptions { SendAt = new TimeOnly(8, 30) };
        // 1 November 2026 (winter time, UTC+1): 08:30 is 07:30 UTC.
        Assert.DoesNotContain(KpiReportSchedule.Due(DateTimeOffset.Parse("2026-11-01T07:29:00Z"), Paris, options), d => d.Kind == "monthly-pack");
        var due = Assert.Single(KpiReportSchedule.Due(DateTimeOffset.Parse("2026-11-01T07:30:00Z"), Paris, options), d => d.Kind == "monthly-pack");

        Assert.Equal(("2026-10", DateTimeOffset.Parse("2026-11-01T07:30:00Z")), (due.Period.Label, due.DueAt));
        Assert.Equal(PeriodKind.Month, due.Period.Kind);
    }

    [Fact]
    public void Queues_nothing_that_is_switched_off()
    {
        var options = new KpiReportOptions { Weekly = false, Monthly = false };

        Assert.Empty(KpiReportSchedule.Due(DateTimeOffset.Parse("2026-11-02T12:00:00Z"), Paris, options));
    }

    [Theory]
    [InlineData("2026-03-29", "02:30", "2026-03-29T01:30:00Z")] // skipped: clocks jump from 02:00 to 03:00 → 03:30 CEST
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // twice: the first 02:30 (CEST)
    [InlineData("2026-10-25", "07:00", "2026-10-25T06:00:00Z")]
    public void Places_a_local_time_on_the_days_the_clocks_change(string day, string time, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected),
            KpiReportSchedule.LocalInstant(DateOnly.Parse(day), TimeOnly.Parse(time), Paris));
}
