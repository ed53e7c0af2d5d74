using System.Text;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// The plain-text alternative of the report email (and the CLI's output): every section of the HTML, in words, the
/// sparklines as "from … to …, low …, high …".
/// </summary>
public static class KpiReportText
{
    public static string Render(KpiPeriodReport report)
    {
        var previous = ReportFigures.PreviousName(report.Period);
        var text = new StringBuilder();
        text.AppendLine($"{ReportFigures.Title(report)} ({ReportFigures.Dates(report.Period)}), whole shop, in the shop's time zone.");

        Section(text, "Headlines");
        foreach (var c in report.Tiles)
            text.AppendLine($"- {c.Kpi.Name}: {ReportFigures.Value(c)} (target: {ReportFigures.Target(c)}; " +
                            $"vs {previous}: {ReportFigures.Change(c)}; {ReportFigures.Trend(c)})");
        if (report.Tiles.Count == 0) text.AppendLine("No headline KPI has a value for this period.");

        Section(text, "Below target");
        foreach (var c in report.BelowTarget)
            text.AppendLine($"- {c.Kpi.Name}: {ReportFigures.Value(c)} against a target of {ReportFigures.Target(c)}; " +
                            $"owner: {ReportFigures.Owner(c)}; note: {ReportFigures.Note(c)}");
        if (report.BelowTarget.Count == 0) text.AppendLine("Every KPI with a target meets it.");

        Section(text, "Anomalies");
        foreach (var a in report.Anomalies) text.AppendLine($"- {ReportFigures.Anomaly(a)}");
        if (report.Anomalies.Count == 0) text.AppendLine("None: every KPI stayed within its usual range.");

        Section(text, "Churn list");
        text.AppendLine($"Accounts: {ReportFigures.ChurnCounts(report.Churn)}.");
        if (report.Churn.TopAtRisk.Count > 0)
        {
            text.AppendLine("Most revenue at stake:");
            foreach (var e in report.Churn.TopAtRisk) text.AppendLine($"- {ReportFigures.Account(e)}");
        }

        Section(text, "Uptime");
        foreach (var row in report.Uptime)
            text.AppendLine(row.Availability is null
                ? $"- {row.CheckId}: {ReportFigures.Availability(row)}"
                : $"- {row.CheckId}: {ReportFigures.Availability(row)} available, down {ReportFigures.Down(row)}");
        if (report.Uptime.Count == 0) text.AppendLine("No check is configured.");

        Section(text, "Data quality");
        foreach (var row in report.Quality)
            text.AppendLine(row.Change is null
                ? $"- {row.Domain}: {ReportFigures.Score(row.Score)} ({ReportFigures.ScoreChange(row)})"
                : $"- {row.Domain}: {ReportFigures.Score(row.Score)} ({ReportFigures.ScoreChange(row)} on the {previous})");
        if (report.Quality.Count == 0) text.AppendLine("No data-quality score yet.");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title) => text.AppendLine().AppendLine(title.ToUpperInvariant());
}
