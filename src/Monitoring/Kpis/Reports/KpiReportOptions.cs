namespace Monitoring.Kpis.Reports;

/// <summary>
/// When the weekly report and the monthly pack are queued, and how much of the churn list they show. Bound from the
/// <c>Monitoring:Reports</c> configuration section (appsettings.json or <c>Monitoring__Reports__SendAt=07:30</c>).
/// </summary>
public sealed class KpiReportOptions
{
    public const string Section = "Monitoring:Reports";

    /// <summary>The shop-time hour the reports are queued at: Monday for the week before, the 1st for the month before.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary>Whether the weekly report is mailed to the managers' route.</summary>
    public bool Weekly { get; set; } = true;

    /// <summary>Whether the monthly pack is mailed to the managers' route.</summary>
    public bool Monthly { get; set; } = true;

    /// <summary>How late a report may still go out when the service was down (or not yet installed) at its send time;
    /// after that it is skipped, since the week has moved on (it stays readable on /kpis/report).</summary>
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How many at-risk or contracting accounts the churn brief names.</summary>
    public int TopAtRisk { get; set; } = 5;
}
