using System.Net;
using Monitoring.Charts;
using Monitoring.Mail;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// The weekly report or monthly pack as an email to one recipient: the HTML of the page with each tile's sparkline as
/// an inline PNG (<c>cid:spark-{kpi}</c>), the plain-text alternative saying the same in words, kind
/// <c>weekly-report</c> or <c>monthly-pack</c> and the period's label as key (so it is queued once per recipient).
/// </summary>
public static class KpiReportMail
{
    /// <summary>The content id of a tile's sparkline.</summary>
    public static string SparklineId(string kpi) => "spark-" + kpi;

    /// <summary>Every tile's sparkline as a PNG: rendered once, shared by the messages of every recipient.</summary>
    public static IReadOnlyList<MailImage> Images(KpiPeriodReport report) =>
        report.Tiles.Select(c => new MailImage(SparklineId(c.Kpi.Id), KpiSparkline.RenderPng(c.Trend), c.Kpi.Id + ".png")).ToList();

    public static MailMessage Compose(KpiPeriodReport report, string recipient, IReadOnlyList<MailImage> images)
    {
        var title = ReportFigures.Title(report);
        var body = KpiReportHtml.Render(report, c =>
            $"<img src=\"cid:{SparklineId(c.Kpi.Id)}\" width=\"{KpiSparkline.Width}\" height=\"{KpiSparkline.Height}\" alt=\"{WebUtility.HtmlEncode(ReportFigures.Trend(c))}\" />");
        var html = "<html><body style=\"font-family:sans-serif;color:#202124\">" +
                   $"<h1 style=\"font-size:20px\">{WebUtility.HtmlEncode(title)}</h1>{body}</body></html>";
        return new MailMessage(report.MailKind, report.Period.Label, recipient, Subject(report), KpiReportText.Render(report), html, images);
    }

    /// <summary>"Weekly report 2026-W46: Net revenue 12,345 € (+3.2 %), 2 KPIs below target, 1 anomaly".</summary>
    public static string Subject(KpiPeriodReport report)
    {
        var parts = new List<string>();
        if (report.Tiles.FirstOrDefault() is { } first)
            parts.Add($"{first.Kpi.Name} {ReportFigures.Value(first)} ({ReportFigures.Change(first)})");
        parts.Add(report.BelowTarget.Count == 1 ? "1 KPI below target" : $"{report.BelowTarget.Count} KPIs below target");
        parts.Add(report.Anomalies.Count == 1 ? "1 anomaly" : $"{report.Anomalies.Count} anomalies");
        return $"{ReportFigures.Title(report)}: {string.Join(", ", parts)}";
    }
}
