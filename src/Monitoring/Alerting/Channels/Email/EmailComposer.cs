using System.Globalization;
using Monitoring.Checks;
using Monitoring.Incidents;

namespace Monitoring.Alerting.Channels.Email;

/// <summary>What an alert email says, independent of its format: the plain-text and HTML bodies render the same facts,
/// so they can never disagree.</summary>
/// <param name="Kind">Which message of the conversation.</param>
/// <param name="Headline">One sentence: what happened.</param>
/// <param name="Fields">Labelled facts, in reading order.</param>
/// <param name="AckUrl">The signed acknowledgement link; null when there is nothing to acknowledge.</param>
/// <param name="CheckUrl">The check's page.</param>
/// <param name="AlsoOpen">Other open incidents, one line each.</param>
/// <param name="Footer">Why the recipient gets this, and what comes next.</param>
/// <param name="ChartAlt">The chart's description.</param>
public sealed record EmailFacts(
    NotificationKind Kind,
    string Headline,
    IReadOnlyList<(string Label, string Value)> Fields,
    string? AckUrl,
    string CheckUrl,
    IReadOnlyList<string> AlsoOpen,
    IReadOnlyList<string> Footer,
    string ChartAlt);

/// <summary>
/// Writes alert emails: a subject that says everything in an inbox list (<c>[DOWN] Product page (product-page):
/// status: expected 200, got 500</c>), then what failed, since when (in the shop's time zone and UTC), the last
/// response, links, and why the recipient is told. Pure: the same context gives the same email.
/// </summary>
public static class EmailComposer
{
    private const int SubjectDetailLength = 120;

    public static NotificationContent Compose(AlertContext context, PlannedNotification planned, string? ackUrl, string baseUrl,
        string chartContentId)
    {
        var facts = Facts(context, planned, ackUrl, baseUrl);
        return new NotificationContent(Subject(context, planned), EmailBodies.Text(facts), EmailBodies.Html(facts, chartContentId), null);
    }

    public static string Subject(AlertContext context, PlannedNotification planned)
    {
        var incident = context.Incident;
        var title = context.CheckTitle;
        var down = Span(DownFor(context));
        return planned.Kind switch
        {
            NotificationKind.Trigger => $"[DOWN] {title}: {OneLine(incident.FirstMessage)}",
            NotificationKind.Reminder => $"[REMINDER] {title} still down after {down}: {OneLine(incident.LastMessage)}",
            NotificationKind.Escalation => $"[ESCALATION] {title} down {down}, not acknowledged: {OneLine(incident.LastMessage)}",
            _ => $"[RESOLVED] {title}: up again after {down}",
        };
    }

    public static EmailFacts Facts(AlertContext context, PlannedNotification planned, string? ackUrl, string baseUrl)
    {
        var incident = context.Incident;
        var route = context.Route;
        var zone = context.TimeZone;
        var down = Span(DownFor(context));
        var headline = planned.Kind switch
        {
            NotificationKind.Trigger => $"{context.CheckTitle} is DOWN.",
            NotificationKind.Reminder => $"{context.CheckTitle} is still DOWN, for {down}, and nobody has acknowledged it.",
            NotificationKind.Escalation =>
                $"{context.CheckTitle} has been DOWN for {down} and nobody acknowledged it within {Span(route.Escalate?.After ?? TimeSpan.Zero)} of the first alert.",
            _ => $"{context.CheckTitle} is UP again after {down} down.",
        };

        var fields = new List<(string, string)> { ("What failed", incident.FirstMessage) };
        if (context.Probe is { } probe) fields.Add(("Target", probe.Settings.Target));
        fields.Add(("Down since", $"{Time(incident.FirstFailureAt, zone)}, the first failed run"));
        fields.Add(("Detected", Time(incident.DetectedAt, zone)));
        if (incident.ResolvedAt is { } resolved)
        {
            fields.Add(("Resolved", Time(resolved, zone)));
            fields.Add(("Downtime", down));
            fields.Add(("Recovered with", incident.LastMessage));
        }
        else
        {
            fields.Add(("Down for", down));
            fields.Add(("Last response", incident.LastMessage));
        }
        if (planned.Kind == NotificationKind.Escalation && FirstTold(context) is { } told) fields.Add(("First alert", told));
        if (planned.Kind != NotificationKind.Trigger)
            fields.Add(("Acknowledged", incident.AcknowledgedAt is { } ackAt
                ? $"by {incident.AcknowledgedBy} at {Time(ackAt, zone)}"
                : "no"));
        fields.Add(("Check", Owner(context)));
        fields.Add(("Incident", $"#{incident.Id.ToString(CultureInfo.InvariantCulture)}"));

        var also = context.OtherOpen.Take(10)
            .Select(i => $"{i.CheckId}, down since {Time(i.FirstFailureAt, zone)}: {OneLine(i.LastMessage)}").ToList();
        if (context.OtherOpen.Count > 10) also.Add($"and {context.OtherOpen.Count - 10} more");

        return new EmailFacts(planned.Kind, headline, fields, planned.Kind == NotificationKind.Resolve ? null : ackUrl,
            $"{baseUrl}/checks/{Uri.EscapeDataString(incident.CheckId)}", also, Footer(context, planned),
            $"Response times of {incident.CheckId} over the last {Span(context.Now - context.ResultsFrom)}; the incident is shaded");
    }

    /// <summary>A time in the shop's zone with UTC beside it: <c>Mon 23 Nov 2026 10:02:15 Europe/Paris (09:02:15 UTC)</c>.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var utc = instant.ToUniversalTime();
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
            return utc.ToString("ddd d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var utcText = local.Date == utc.Date
            ? utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : utc.ToString("d MMM HH:mm:ss", CultureInfo.InvariantCulture);
        return $"{local.ToString("ddd d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} {zone.Id} ({utcText} UTC)";
    }

    /// <summary>A duration for people: seconds only under ten minutes, whole minutes above.</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1)) return "0s";
        var rounded = span < TimeSpan.FromMinutes(10)
            ? TimeSpan.FromSeconds(Math.Round(span.TotalSeconds))
            : TimeSpan.FromMinutes(Math.Round(span.TotalMinutes));
        return Durations.Format(rounded);
    }

    private static TimeSpan DownFor(AlertContext context) =>
        (context.Incident.ResolvedAt ?? context.Now) - context.Incident.FirstFailureAt;

    private static string Owner(AlertContext context)
    {
        var parts = new List<string> { context.Incident.CheckId };
        if (context.Probe?.Team is { } team) parts.Add($"team {team}");
        if (context.Probe is { } probe) parts.Add($"severity {probe.Severity}");
        return string.Join(", ", parts);
    }

    private static string? FirstTold(AlertContext context)
    {
        var triggers = context.Rows.Where(r => r is { Kind: NotificationKind.Trigger, IsSent: true }).ToList();
        if (triggers.Count == 0) return null;
        return $"{string.Join(", ", triggers.Select(t => AlertRoutes.AddressOf(t.Recipient)).Distinct())} at {Time(triggers.Min(t => t.SentAt!.Value), context.TimeZone)}";
    }

    private static List<string> Footer(AlertContext context, PlannedNotification planned)
    {
        var route = context.Route;
        var role = planned.Kind == NotificationKind.Escalation ? "the escalation contact" : "a recipient";
        var lines = new List<string>
        {
            ReferenceEquals(route, AlertRoute.ResolveOnly)
                ? "You get this because you were told about this incident; no route of checks/alerts.yaml takes its check any more."
                : $"You get this as {role} of the route '{route.Name}' of checks/alerts.yaml, which takes {route.Describe()}.",
        };
        if (planned.Kind == NotificationKind.Resolve) return lines;
        var next = new List<string>();
        if (route.RepeatInterval is { } repeat) next.Add($"a reminder every {Span(repeat)} while nobody acknowledges it");
        if (planned.Kind == NotificationKind.Trigger && route.Escalate is { } escalation)
            next.Add($"escalation to {string.Join(", ", escalation.To.Select(AlertRoutes.AddressOf))} if nobody acknowledges it within {Span(escalation.After)}");
        if (route.SendResolved) next.Add("a notice when it is resolved");
        if (next.Count > 0) lines.Add("Next: " + string.Join("; ", next) + ".");
        return lines;
    }

    /// <summary>Probe messages can span lines or be long: subjects and lists get one short line.</summary>
    public static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= SubjectDetailLength ? line : line[..(SubjectDetailLength - 1)] + "…";
    }
}
