using System.Net;
using System.Text;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// The report as an HTML fragment, with inline styles so that mail clients (which drop style sheets) show it as the
/// page does. The same fragment is the body of <c>/kpis/report</c> and of the email; only the sparklines differ, given by
/// <c>sparkline</c>: an inline SVG on the page, a <c>cid:</c> picture in the email.
/// </summary>
public static class KpiReportHtml
{
    private const string Cell = "padding:4px 8px;border-bottom:1px solid #dadce0;text-align:left;vertical-align:top";
    private const string Num = Cell + ";text-align:right";

    public static string Render(KpiPeriodReport report, Func<KpiComparison, string> sparkline)
    {
        var previous = ReportFigures.PreviousName(report.Period);
        var html = new StringBuilder();
        html.Append($"<p style=\"color:#5f6368\">{E(ReportFigures.Dates(report.Period))}, whole shop, in the shop's time zone.</p>");

        html.Append("<h2>Headlines</h2><table data-section=\"tiles\" style=\"border-collapse:collapse\"><tr>");
        foreach (var c in report.Tiles)
            html.Append($"<td data-kpi=\"{E(c.Kpi.Id)}\" style=\"padding:8px 12px;border:1px solid #dadce0;vertical-align:top\">")
                .Append($"<div style=\"color:#5f6368;font-size:13px\">{E(c.Kpi.Name)}</div>")
                .Append($"<div style=\"font-size:22px;font-weight:600\">{E(ReportFigures.Value(c))}</div>")
                .Append($"<div style=\"font-size:13px\">target: {E(ReportFigures.Target(c))}</div>")
                .Append($"<div style=\"font-size:13px\">vs {previous}: {E(ReportFigures.Change(c))}</div>")
                .Append($"<div>{sparkline(c)}</div>")
                .Append($"<div style=\"color:#5f6368;font-size:11px\">{E(ReportFigures.Trend(c))}</div></td>");
        html.Append("</tr></table>");
        if (report.Tiles.Count == 0) html.Append("<p>No headline KPI has a value for this period.</p>");

        html.Append("<h2>Below target</h2>");
        if (report.BelowTarget.Count == 0) html.Append("<p data-section=\"below-target\">Every KPI with a target meets it.</p>");
        else
        {
            html.Append($"<table data-section=\"below-target\" style=\"border-collapse:collapse\"><tr><th style=\"{Cell}\">KPI</th>" +
                        $"<th style=\"{Num}\">Value</th><th style=\"{Num}\">Target</th><th style=\"{Cell}\">Owner</th><th style=\"{Cell}\">Note</th></tr>");
            foreach (var c in report.BelowTarget)
                html.Append($"<tr data-kpi=\"{E(c.Kpi.Id)}\"><td style=\"{Cell}\">{E(c.Kpi.Name)}</td><td style=\"{Num}\">{E(ReportFigures.Value(c))}</td>" +
                            $"<td style=\"{Num}\">{E(ReportFigures.Target(c))}</td><td style=\"{Cell}\">{E(ReportFigures.Owner(c))}</td>" +
                            $"<td style=\"{Cell}\">{E(ReportFigures.Note(c))}</td></tr>");
            html.Append("</table>");
        }

        html.Append("<h2>Anomalies</h2>");
        List(html, "anomalies", report.Anomalies.Select(ReportFigures.Anomaly), "None: every KPI stayed within its usual range.");

        html.Append("<h2>Churn list</h2>");
        html.Append($"<p data-section=\"churn\">Accounts: {E(ReportFigures.ChurnCounts(report.Churn))}.</p>");
        if (report.Churn.TopAtRisk.Count > 0)
        {
            html.Append("<p>Most revenue at stake:</p>");
            List(html, "churn-top", report.Churn.TopAtRisk.Select(ReportFigures.Account), "");
        }

        html.Append("<h2>Uptime</h2>");
        Table(html, "uptime", ["Check", "Availability", "Down"],
            report.Uptime.Select(r => new[] { r.CheckId, ReportFigures.Availability(r), ReportFigures.Down(r) }), "No check is configured.");

        html.Append("<h2>Data quality</h2>");
        Table(html, "quality", ["Domain", "Score", $"Change on the {previous}"],
            report.Quality.Select(r => new[] { r.Domain, ReportFigures.Score(r.Score), ReportFigures.ScoreChange(r) }), "No data-quality score yet.");
        return html.ToString();
    }

    private static void List(StringBuilder html, string section, IEnumerable<string> items, string empty)
    {
        var lines = items.ToList();
        if (lines.Count == 0) { html.Append($"<p data-section=\"{section}\">{E(empty)}</p>"); return; }
        html.Append($"<ul data-section=\"{section}\">");
        foreach (var line in lines) html.Append($"<li>{E(line)}</li>");
        html.Append("</ul>");
    }

    private static void Table(StringBuilder html, string section, string[] headers, IEnumerable<string[]> rows, string empty)
    {
        var all = rows.ToList();
        if (all.Count == 0) { html.Append($"<p data-section=\"{section}\">{E(empty)}</p>"); return; }
        html.Append($"<table data-section=\"{section}\" style=\"border-collapse:collapse\"><tr>");
        foreach (var (h, i) in headers.Select((h, i) => (h, i))) html.Append($"<th style=\"{(i == 0 ? Cell : Num)}\">{E(h)}</th>");
        html.Append("</tr>");
        foreach (var row in all)
        {
            html.Append("<tr>");
            foreach (var (v, i) in row.Select((v, i) => (v, i))) html.Append($"<td style=\"{(i == 0 ? Cell : Num)}\">{E(v)}</td>");
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
