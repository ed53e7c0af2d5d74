using System.Globalization;
using Monitoring.Checks;
using Monitoring.Kpis.Anomalies;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// Every figure of the report as text, written once: the page, the HTML email and the plain-text alternative call
/// these, so that a figure cannot read differently in two of them (a test holds that the text has them all).
/// </summary>
public static class ReportFigures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"2026-11-09 to 2026-11-15".</summary>
    public static string Dates(Period period) => $"{period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}";

    /// <summary>"Weekly report 2026-W46" or "Monthly pack 2026-10".</summary>
    public static string Title(KpiPeriodReport report) =>
        (report.Period.Kind == PeriodKind.Month ? "Monthly pack " : "Weekly report ") + report.Period.Label;

    /// <summary>"previous week" or "previous month".</summary>
    public static string PreviousName(Period period) => period.Kind switch
    {
        PeriodKind.Month => "previous month",
        PeriodKind.Day => "previous day",
        _ => "previous week",
    };

    public static string Value(KpiComparison c) => KpiReport.Format(c.Kpi, c.Current.Value);

    public static string Target(KpiComparison c) => c.Target is null ? "no target" : KpiReport.Format(c.Kpi, c.Target.Target);

    public static string Change(KpiComparison c) => KpiReport.Change(c.ChangeOnPrevious);

    /// <summary>The sparkline in words: "13 weeks: from 10,000 € to 12,345 €, low 9,800 €, high 12,345 €".</summary>
    public static string Trend(KpiComparison c)
    {
        var values = c.Trend.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        if (values.Count == 0) return $"{c.Trend.Count} weeks: no values";
        return $"{c.Trend.Count} weeks: from {KpiReport.Format(c.Kpi, values[0])} to {KpiReport.Format(c.Kpi, values[^1])}, " +
               $"low {KpiReport.Format(c.Kpi, values.Min())}, high {KpiReport.Format(c.Kpi, values.Max())}";
    }

    public static string Owner(KpiComparison c) => c.Target?.Owner is { Length: > 0 } owner ? owner : "no owner";

    public static string Note(KpiComparison c) => c.Target?.Note is { Length: > 0 } note ? note : "no note";

    public static string Anomaly(KpiAnomaly a) => KpiAnomalyMail.Summary(a);

    public static string Money(decimal amount) => amount.ToString("N0", Inv) + " €";

    public static string Availability(UptimeRow row) =>
        row.Availability is { } ratio ? (ratio * 100).ToString("0.00", Inv) + " %" : "not observed";

    /// <summary>The time down, or a dash when nothing was observed (the availability says so).</summary>
    public static string Down(UptimeRow row) => row.Availability is null ? "–" : Durations.Format(row.Down);

    public static string Score(double score) => score.ToString("0.0", Inv);

    public static string ScoreChange(QualityRow row) =>
        row.Change is { } change ? change.ToString("+0.0;−0.0;0.0", Inv) + " points" : "no earlier score";

    /// <summary>"at risk 3, contracting 1, churned this week 2".</summary>
    public static string ChurnCounts(ChurnBrief churn) =>
        string.Join(", ", ChurnBrief.States.Select(s => $"{ChurnBrief.Name(s)} {churn.Counts.GetValueOrDefault(s)}"));

    /// <summary>"ACME Tools (A-17, rep Paul Martin): at risk, 12,400 € at stake; 45 days without an order …".</summary>
    public static string Account(ChurnListEntry e) =>
        $"{e.Account.Name ?? e.Account.Id} ({e.Account.Id}, rep {e.Account.SalesRep ?? "none"}): {ChurnBrief.Name(e.Assessment.Status)}, " +
        $"{Money(ChurnBrief.AtStake(e))} at stake; {e.Assessment.Describe()}";
}
