using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Charts;
using Monitoring.Mail;
using Monitoring.Quality.Findings;

namespace Monitoring.Quality.Digest;

/// <summary>
/// Writes a team's weekly digest as a report-style email: a subject with the week's counts, an HTML body with the
/// lists and the domain trend chart inline (PNG by cid), and a plain-text alternative that says every figure the HTML
/// says. Pure: the job queues what it returns, and the preview page shows the same HTML with the chart inline.
/// </summary>
public static class QualityDigestComposer
{
    public const string Kind = "quality-digest";
    public const string ChartContentId = "quality-trend";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The outbox key of a team's digest of a week: <c>catalogue:2026-W48</c>, so it is queued once.</summary>
    public static string Key(string team, DigestWeek week) => $"{team}:{week.Name}";

    public static string Subject(QualityDigest digest) =>
        $"Data quality, {digest.Team}, {digest.Week.Name}: {digest.NewCount} new, {digest.ResolvedCount} resolved, {digest.OpenCount} open";

    /// <param name="baseUrl">Starts the links to the records' pages (<c>https://monitor.example.com</c>); empty for none.</param>
    public static MailMessage Compose(QualityDigest digest, string recipient, TimeZoneInfo zone, string baseUrl)
    {
        var chart = Chart(digest);
        var html = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{E(Subject(digest))}</title></head>
            <body style="font-family: Arial, Helvetica, sans-serif; color: #202124">
            {Html(digest, zone, baseUrl, $"cid:{ChartContentId}")}
            </body></html>
            """;
        return new MailMessage(Kind, Key(digest.Team, digest.Week), recipient, Subject(digest), Text(digest, zone, baseUrl), html,
            [new MailImage(ChartContentId, chart, "quality-trend.png")]);
    }

    /// <summary>The trend chart of the digest's domains as a PNG.</summary>
    public static byte[] Chart(QualityDigest digest) =>
        DomainScoreChart.RenderPng($"{string.Join(", ", digest.Domains)}: daily score", digest.Scores);

    /// <summary>The body's content (no html/body elements), the chart's <c>src</c> given: <c>cid:…</c> in the email, a
    /// data URL on the preview page.</summary>
    public static string Html(QualityDigest digest, TimeZoneInfo zone, string baseUrl, string chartSource)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size: 20px\">Data quality: {E(digest.Team)}, {E(digest.Week.Name)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Period(digest, zone))}</p>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p data-summary><b>{digest.NewCount}</b> new, <b>{digest.ResolvedCount}</b> resolved this week; <b>{digest.OpenCount}</b> open now.</p>");
        html.Append("<h2 style=\"font-size: 16px\">Scores</h2>");
        if (digest.Domains.Count == 0 || digest.Scores.Count == 0) html.Append("<p>No scan has scored this team's domains yet.</p>");
        else
        {
            html.Append("<table cellpadding=\"4\" style=\"border-collapse: collapse\"><tr><th align=\"left\">Domain</th><th align=\"right\">Score</th><th>Grade</th><th align=\"right\">A week before</th><th align=\"right\">Records</th><th align=\"right\">With a blocker</th></tr>");
            foreach (var domain in digest.Domains)
            {
                var (latest, before) = digest.Trend(domain);
                if (latest is null) continue;
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(domain)}</td><td align=\"right\">{Score(latest.Score)}</td><td align=\"center\">{latest.Grade}</td><td align=\"right\">{E(Before(latest.Score, before?.Score))}</td><td align=\"right\">{latest.Records.ToString("N0", Invariant)}</td><td align=\"right\">{Percent(latest.BlockerShare)}</td></tr>");
            }
            html.Append("</table>");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<p><img src=\"{E(chartSource)}\" width=\"{DomainScoreChart.Width}\" height=\"{DomainScoreChart.Height}\" alt=\"Daily score of {E(string.Join(", ", digest.Domains))}\"></p>");
        Section(html, $"New this week ({digest.NewCount})", digest.New, digest.NewCount, zone, baseUrl, "new");
        Section(html, $"Resolved this week ({digest.ResolvedCount})", digest.Resolved, digest.ResolvedCount, zone, baseUrl, "resolved");
        Section(html, $"Open, highest priority ({digest.OpenCount})", digest.TopOpen, digest.OpenCount, zone, baseUrl, "top");
        Section(html, $"Open, waiting longest ({digest.OpenCount})", digest.OldestOpen, digest.OpenCount, zone, baseUrl, "oldest");
        return html.ToString();
    }

    /// <summary>The plain-text alternative: every figure of the HTML, in words.</summary>
    public static string Text(QualityDigest digest, TimeZoneInfo zone, string baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Data quality: {digest.Team}, {digest.Week.Name}");
        text.AppendLine(Period(digest, zone));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{digest.NewCount} new, {digest.ResolvedCount} resolved this week; {digest.OpenCount} open now.");
        text.AppendLine();
        text.AppendLine("Scores");
        if (digest.Domains.Count == 0 || digest.Scores.Count == 0) text.AppendLine("  No scan has scored this team's domains yet.");
        foreach (var domain in digest.Domains)
        {
            var (latest, before) = digest.Trend(domain);
            if (latest is null) continue;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {domain}: {Score(latest.Score)} ({latest.Grade}), a week before {Before(latest.Score, before?.Score)}; {latest.Records.ToString("N0", Invariant)} records, {Percent(latest.BlockerShare)} with a blocker");
        }
        if (digest.Scores.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"  (the chart in the HTML version shows the daily scores from {digest.Scores[0].Day:yyyy-MM-dd} to {digest.Scores[^1].Day:yyyy-MM-dd})");
        TextSection(text, $"New this week ({digest.NewCount})", digest.New, digest.NewCount, zone, baseUrl);
        TextSection(text, $"Resolved this week ({digest.ResolvedCount})", digest.Resolved, digest.ResolvedCount, zone, baseUrl);
        TextSection(text, $"Open, highest priority ({digest.OpenCount})", digest.TopOpen, digest.OpenCount, zone, baseUrl);
        TextSection(text, $"Open, waiting longest ({digest.OpenCount})", digest.OldestOpen, digest.OpenCount, zone, baseUrl);
        return text.ToString();
    }

    private static void Section(StringBuilder html, string title, IReadOnlyList<FindingState> findings, int total, TimeZoneInfo zone, string baseUrl, string name)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size: 16px\">{E(title)}</h2>");
        if (findings.Count == 0) { html.Append("<p>None.</p>"); return; }
        html.Append(CultureInfo.InvariantCulture, $"<table cellpadding=\"4\" style=\"border-collapse: collapse\" data-list=\"{name}\"><tr><th align=\"right\">Priority</th><th align=\"left\">Severity</th><th align=\"left\">Record</th><th align=\"left\">Finding</th><th align=\"left\">Status</th><th align=\"left\">First seen</th></tr>");
        foreach (var f in findings)
        {
            var record = $"{E(f.Entity)} {E(f.Key)}";
            if (baseUrl.Length > 0) record = $"<a href=\"{E(baseUrl + Web.QualityEndpoints.RecordUrl(f.Entity, f.Key))}\">{record}</a>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td align=\"right\">{Priority(f)}</td><td>{QualityNames.Name(f.Severity)}</td><td>{record}</td><td>{E(f.RuleId)}: {E(f.Message)}{(f.Fix is null ? "" : $"<br><small>Fix: {E(f.Fix)}</small>")}</td><td>{E(Status(f, zone))}</td><td>{Day(f.FirstSeenAt, zone)}</td></tr>");
        }
        html.Append("</table>");
        if (total > findings.Count) html.Append(CultureInfo.InvariantCulture, $"<p><small>and {total - findings.Count} more.</small></p>");
    }

    private static void TextSection(StringBuilder text, string title, IReadOnlyList<FindingState> findings, int total, TimeZoneInfo zone, string baseUrl)
    {
        text.AppendLine();
        text.AppendLine(title);
        if (findings.Count == 0) text.AppendLine("  None.");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {i + 1}. [{QualityNames.Name(f.Severity)}] {f.Entity} {f.Key}, priority {Priority(f)}: {f.RuleId}: {f.Message}");
            text.AppendLine(CultureInfo.InvariantCulture, $"     {Status(f, zone)}; first seen {Day(f.FirstSeenAt, zone)}{(f.Fix is null ? "" : $"; fix: {f.Fix}")}");
            if (baseUrl.Length > 0) text.AppendLine(CultureInfo.InvariantCulture, $"     {baseUrl}{Web.QualityEndpoints.RecordUrl(f.Entity, f.Key)}");
        }
        if (total > findings.Count) text.AppendLine(CultureInfo.InvariantCulture, $"  and {total - findings.Count} more.");
    }

    private static string Period(QualityDigest digest, TimeZoneInfo zone) =>
        $"The week from {Local(digest.Week.From, zone)} to {Local(digest.Week.To, zone)} ({zone.Id}).";

    private static string Status(FindingState f, TimeZoneInfo zone) => f.Status switch
    {
        FindingStatus.Resolved when f.ResolvedAt is { } at => $"resolved {Day(at, zone)}",
        FindingStatus.Acknowledged when f.AcknowledgedBy is { } by => $"acknowledged by {by}",
        _ => f.Status.ToString().ToLowerInvariant(),
    };

    private static string Priority(FindingState f) => f.Priority.ToString("N0", Invariant);

    private static string Score(double score) => score.ToString("0.0", Invariant);

    private static string Percent(double share) => (share * 100).ToString("0.#", Invariant) + " %";

    private static string Before(double now, double? before) => before is { } b
        ? $"{Score(b)} ({(now - b >= 0 ? "+" : "-")}{Score(Math.Abs(now - b))})"
        : "not scored";

    private static string Day(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", Invariant);

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
