namespace Monitoring.Alerting;

/// <summary>Who else is told when the first recipients do not acknowledge an incident in time.</summary>
/// <param name="After">Time from the first alert sent to the escalation.</param>
/// <param name="To">The second list of recipients.</param>
public sealed record Escalation(TimeSpan After, IReadOnlyList<string> To);

/// <summary>
/// One route of <c>checks/alerts.yaml</c>: which incidents it takes (by the check's team and severity), who is told,
/// and the timers of the conversation (Alertmanager's group_wait and repeat_interval, plus an escalation step).
/// </summary>
public sealed record AlertRoute
{
    public static readonly TimeSpan DefaultGroupWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromHours(1);

    /// <summary>Reminders closer than this would be noise (Gatus's minimum).</summary>
    public static readonly TimeSpan MinimumRepeatInterval = TimeSpan.FromMinutes(5);

    /// <summary>Used when no route takes an incident any more (checks/ changed): nobody new is told, but everyone
    /// already notified still gets the resolved notice.</summary>
    public static AlertRoute ResolveOnly { get; } = new() { Name = "(no route)", RepeatInterval = null };

    /// <summary>The name shown in the footer of each email, so a recipient knows why they got it.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Teams the route takes; empty for any team (and checks without one).</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>Severities the route takes (<c>critical</c>, <c>warning</c>); empty for any.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Email recipients (<c>ops@example.com</c> or <c>Ops &lt;ops@example.com&gt;</c>).</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>How long after the incident opens the first email waits; an incident resolved within it sends nothing.</summary>
    public TimeSpan GroupWait { get; init; } = DefaultGroupWait;

    /// <summary>Reminders while the incident is open and unacknowledged; null for none.</summary>
    public TimeSpan? RepeatInterval { get; init; } = DefaultRepeatInterval;

    public Escalation? Escalate { get; init; }

    /// <summary>Whether everyone notified about an incident is told when it is resolved.</summary>
    public bool SendResolved { get; init; } = true;

    /// <summary>Whether this is the <c>default:</c> route, which takes what no other route takes.</summary>
    public bool IsDefault { get; init; }

    public bool MatchesEverything => Teams.Count == 0 && Severities.Count == 0;

    public bool Matches(string? team, string severity) =>
        (Teams.Count == 0 || (team is not null && Teams.Contains(team, StringComparer.Ordinal))) &&
        (Severities.Count == 0 || Severities.Contains(severity, StringComparer.Ordinal));

    /// <summary>What the route takes, for the email footer: <c>team webshop, severity critical</c>.</summary>
    public string Describe()
    {
        if (IsDefault) return "the checks no other route takes";
        var parts = new List<string>();
        if (Teams.Count > 0) parts.Add((Teams.Count == 1 ? "team " : "teams ") + string.Join(", ", Teams));
        if (Severities.Count > 0) parts.Add((Severities.Count == 1 ? "severity " : "severities ") + string.Join(", ", Severities));
        return parts.Count == 0 ? "every check" : string.Join(", ", parts);
    }
}
