using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Storage;

namespace Monitoring.Alerting;

/// <summary>What to do now for one incident on one channel: notifications to queue, and pending rows no longer worth sending.</summary>
public sealed record AlertPlan(IReadOnlyList<PlannedNotification> Add, IReadOnlyList<(OutboxEntry Row, string Reason)> Cancel)
{
    public bool IsEmpty => Add.Count == 0 && Cancel.Count == 0;
}

/// <summary>
/// The notification rules, as a pure function of an incident, its outbox rows (the notification log), its route and
/// the time: no clock, no I/O, so every rule is tested from a table. Every due time is derived from stored times, so
/// planning twice, late, or on two instances at once plans the same rows (and the outbox keys refuse duplicates).
/// <list type="bullet">
/// <item>Trigger: once per incident, to the route's recipients, due group_wait after the alert was raised; never while
/// the alert is held back. Resolved before it was due: cancelled, and nothing else is sent.</item>
/// <item>Escalation: once, to the second list, when nobody acknowledged within <c>after</c> of the first alert sent.</item>
/// <item>Reminder: to each person already told, one repeat interval after the last message they got, while the
/// incident is open and unacknowledged; never two pending for one person, so an outage of the mail server cannot pile
/// them up.</item>
/// <item>Resolve: to everyone told (or about to be told) about the incident, unless the route says send_resolved: false.</item>
/// <item>Acknowledgement or resolution cancels pending reminders and escalations.</item>
/// </list>
/// </summary>
public static class AlertPlanner
{
    public const string TriggerKey = "trigger";
    public const string EscalationKey = "escalation";
    public const string ResolveKey = "resolve";

    /// <param name="raisedAt">When the alert was raised, if just now (opened or released); otherwise its detection.</param>
    public static AlertPlan Plan(Incident incident, IReadOnlyList<OutboxEntry> rows, AlertRoute route, DateTimeOffset now,
        DateTimeOffset? raisedAt = null)
    {
        var cancel = new List<(OutboxEntry, string)>();
        foreach (var row in rows.Where(r => r.IsPending))
            if (WhyObsolete(row, incident) is { } reason) cancel.Add((row, reason));
        var add = incident.IsOpen ? PlanOpen(incident, rows, route, now, raisedAt) : PlanResolved(incident, rows, route);
        return new AlertPlan(add, cancel);
    }

    /// <summary>Why a pending row should no longer be sent, or null when it still should.</summary>
    public static string? WhyObsolete(OutboxEntry row, Incident incident) => row.Kind switch
    {
        NotificationKind.Trigger when incident.ResolvedAt is { } resolved && resolved < row.DueAt =>
            $"resolved within group_wait ({Durations.Format(resolved - incident.DetectedAt)} after detection): a blip, nobody is told",
        NotificationKind.Reminder or NotificationKind.Escalation when incident.ResolvedAt is not null =>
            "resolved before it was sent",
        NotificationKind.Reminder or NotificationKind.Escalation when incident.AcknowledgedAt is not null =>
            $"acknowledged by {incident.AcknowledgedBy ?? "someone"}",
        _ => null,
    };

    private static List<PlannedNotification> PlanOpen(Incident incident, IReadOnlyList<OutboxEntry> rows, AlertRoute route,
        DateTimeOffset now, DateTimeOffset? raisedAt)
    {
        var triggers = rows.Where(r => r.Kind == NotificationKind.Trigger).ToList();
        if (triggers.Count == 0)
        {
            if (incident.HeldBackBecause is not null) return [];
            var due = (raisedAt ?? incident.DetectedAt) + route.GroupWait;
            return route.To.Select(to => new PlannedNotification(NotificationKind.Trigger, TriggerKey, to, due)).ToList();
        }

        // Nothing follows the first alert until it actually went out, and nothing at all once someone took the incident.
        var firstSent = triggers.Where(t => t.IsSent).Select(t => t.SentAt).Min();
        if (incident.AcknowledgedAt is not null || firstSent is not { } first) return [];

        var add = new List<PlannedNotification>();
        if (route.Escalate is { } escalation && rows.All(r => r.Kind != NotificationKind.Escalation) && now >= first + escalation.After)
            add.AddRange(escalation.To.Select(to =>
                new PlannedNotification(NotificationKind.Escalation, EscalationKey, to, first + escalation.After)));

        if (route.RepeatInterval is not { } repeat) return add;
        foreach (var recipient in Told(rows, includePendingTrigger: null))
        {
            var theirs = rows.Where(r => AlertRoutes.SameAddress(r.Recipient, recipient)).ToList();
            if (theirs.Any(r => r.IsPending) || add.Any(a => AlertRoutes.SameAddress(a.Recipient, recipient))) continue;
            var due = theirs.Where(r => r.IsSent).Max(r => r.SentAt)!.Value + repeat;
            if (now < due) continue;
            var number = theirs.Count(r => r.Kind == NotificationKind.Reminder) + 1;
            add.Add(new PlannedNotification(NotificationKind.Reminder, $"reminder:{number}", recipient, due));
        }
        return add;
    }

    private static List<PlannedNotification> PlanResolved(Incident incident, IReadOnlyList<OutboxEntry> rows, AlertRoute route)
    {
        if (!route.SendResolved || incident.ResolvedAt is not { } resolved) return [];
        var notified = rows.Where(r => r.Kind == NotificationKind.Resolve).Select(r => r.Recipient).ToList();
        return Told(rows, includePendingTrigger: resolved)
            .Where(r => !notified.Any(n => AlertRoutes.SameAddress(n, r)))
            .Select(r => new PlannedNotification(NotificationKind.Resolve, ResolveKey, r, resolved))
            .ToList();
    }

    /// <summary>Everyone who got a message about the incident, plus, with a time, those whose trigger was due by then
    /// and will still go (a mail server outage delays the first alert, it does not cancel it).</summary>
    private static IEnumerable<string> Told(IReadOnlyList<OutboxEntry> rows, DateTimeOffset? includePendingTrigger)
    {
        var told = new List<string>();
        foreach (var row in rows.Where(r => r.Kind != NotificationKind.Resolve))
        {
            var counts = row.IsSent ||
                         (includePendingTrigger is { } by && row is { IsPending: true, Kind: NotificationKind.Trigger } && row.DueAt <= by);
            if (counts && !told.Any(t => AlertRoutes.SameAddress(t, row.Recipient))) told.Add(row.Recipient);
        }
        return told;
    }
}
