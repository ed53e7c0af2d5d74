using System.Globalization;
using System.Net;
using Monitoring.Mail;

namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// The email of a KPI anomaly (kind <c>kpi-anomaly</c>): the figures in words (value, baseline median, normal range,
/// deviation, direction, the denominator it rests on) in the plain text, the same in HTML with the chart inline.
/// </summary>
public static class KpiAnomalyMail
{
    public const string Kind = "kpi-anomaly";
    public const string ChartId = "kpi-anomaly-chart";

    /// <summary>The message to one recipient; <paramref name="chartPng"/> is rendered once per anomaly by the caller.</summary>
    public static MailMessage Compose(KpiAnomaly anomaly, byte[] chartPng, string recipient, string routeName)
    {
        var kpi = anomaly.Kpi;
        var what = anomaly.Anomaly.Direction == AnomalyDirection.Drop ? "dropped" : "spiked";
        var when = When(anomaly.Period);
        var subject = $"KPI anomaly: {kpi.Name} {what} {when} ({Value(anomaly, anomaly.Anomaly.Actual)} against a usual {Value(anomaly, anomaly.Anomaly.Expected)})";
        var lines = Sentences(anomaly);
        var footer = $"Sent to the alert route '{routeName}' (team {kpi.AlertTeam}). KPI page: /kpis?period={anomaly.Period.Label}";
        var text = string.Join(Environment.NewLine, lines) + Environment.NewLine + Environment.NewLine + footer + Environment.NewLine;
        var html = "<html><body style=\"font-family: sans-serif\">" +
                   $"<h2>{Encode(kpi.Name)} {what} {Encode(when)}</h2>" +
                   string.Concat(lines.Select(l => $"<p>{Encode(l)}</p>")) +
                   $"<p><img src=\"cid:{ChartId}\" alt=\"{Encode(kpi.Name)} with its normal range\" width=\"640\" /></p>" +
                   $"<p style=\"color:#5f6368;font-size:smaller\">{Encode(footer)}</p></body></html>";
        return new MailMessage(Kind, anomaly.Key, recipient, subject, text, html, [new MailImage(ChartId, chartPng, $"{kpi.Id}.png")]);
    }

    /// <summary>The figures as sentences, shared by both bodies so that the text says everything the HTML does.</summary>
    public static IReadOnlyList<string> Sentences(KpiAnomaly anomaly)
    {
        var a = anomaly.Anomaly;
        var kpi = anomaly.Kpi;
        var baseline = anomaly.Period.Kind == PeriodKind.Day
            ? $"the median of the same weekday ({anomaly.Period.Start.DayOfWeek}) in the previous weeks"
            : "the median of the previous weeks";
        var lines = new List<string>
        {
            $"{kpi.Name} {When(anomaly.Period)} was {Value(anomaly, a.Actual)}, {(a.Direction == AnomalyDirection.Drop ? "below" : "above")} " +
            $"its usual {Value(anomaly, a.Expected)} ({baseline}).",
            $"Deviation: {Deviation(anomaly)}; robust z {a.RobustZ.ToString("+0.0;−0.0", CultureInfo.InvariantCulture)} " +
            $"(flagged beyond ±{anomaly.Threshold.ToString("0.0", CultureInfo.InvariantCulture)}). " +
            $"Normal range: {Value(anomaly, Math.Max(anomaly.BandLow, 0))} to {Value(anomaly, anomaly.BandHigh)}.",
        };
        if (anomaly.Denominator is { } n)
            lines.Add($"Based on {n.ToString("N0", CultureInfo.InvariantCulture)} {kpi.DenominatorName}.");
        lines.Add($"Definition: {kpi.Exclusions}.");
        return lines;
    }

    /// <summary>One line for a list (the weekly report): the KPI, when, its value against the usual one, and the deviation.</summary>
    public static string Summary(KpiAnomaly anomaly) =>
        $"{anomaly.Kpi.Name} {When(anomaly.Period)}: {(anomaly.Anomaly.Direction == AnomalyDirection.Drop ? "drop" : "spike")} to " +
        $"{Value(anomaly, anomaly.Anomaly.Actual)} against a usual {Value(anomaly, anomaly.Anomaly.Expected)} ({Deviation(anomaly)}); " +
        $"alert route: {anomaly.Kpi.AlertTeam}";

    /// <summary>The change from the baseline: points for a ratio, the unit otherwise, and the relative change.</summary>
    public static string Deviation(KpiAnomaly anomaly)
    {
        var a = anomaly.Anomaly;
        var inv = CultureInfo.InvariantCulture;
        var absolute = anomaly.Kpi.Unit == KpiUnit.Ratio
            ? ((a.Actual - a.Expected) * 100).ToString("+0.0;−0.0", inv) + " points"
            : Signed(anomaly, a.Actual - a.Expected);
        return anomaly.RelativeDeviation is { } r ? $"{absolute} ({r.ToString("+0.0 %;−0.0 %", inv)})" : absolute;
    }

    private static string Signed(KpiAnomaly anomaly, double delta) => (delta >= 0 ? "+" : "−") + Value(anomaly, Math.Abs(delta));

    private static string Value(KpiAnomaly anomaly, double value) => KpiReport.Format(anomaly.Kpi, (decimal)value);

    private static string When(Period period) => period.Kind == PeriodKind.Day
        ? $"on {period.Start.DayOfWeek} {period.Label}"
        : $"in week {period.Label} ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd})";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
