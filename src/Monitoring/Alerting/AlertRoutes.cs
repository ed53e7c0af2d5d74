using Monitoring.Checks;
using Monitoring.Checks.Yaml;
using MimeKit;

namespace Monitoring.Alerting;

/// <summary>
/// The routes of <c>checks/alerts.yaml</c>, read and validated like every file of checks/ (errors with file, line and
/// path). The first route whose team and severity match the incident's check takes it; <c>default</c> takes the rest;
/// with neither, nobody is told. Keys: <c>defaults</c> (timers), <c>routes</c> (a list), <c>default</c> (one route).
/// </summary>
public sealed record AlertRoutes(IReadOnlyList<AlertRoute> Routes, AlertRoute? Default)
{
    public const string OffValue = "off";

    /// <summary>No alerts.yaml: nobody is told.</summary>
    public static AlertRoutes None { get; } = new([], null);

    public bool IsEmpty => Routes.Count == 0 && Default is null;

    /// <summary>The route that takes incidents of a check with this team and severity, or null when none does.</summary>
    public AlertRoute? Match(string? team, string severity) => Routes.FirstOrDefault(r => r.Matches(team, severity)) ?? Default;

    public static AlertRoutes Read(ConfigNode root)
    {
        if (!root.ExpectMapping()) return None;
        var defaults = new AlertRoute();
        var defaultsNode = root.Child("defaults");
        if (defaultsNode is not null && defaultsNode.ExpectMapping())
        {
            defaults = ReadTimers(defaultsNode, defaults);
            defaultsNode.RejectUnknownKeys();
        }

        var read = new List<(ConfigNode Node, AlertRoute Route)>();
        foreach (var item in root.Items("routes"))
            if (ReadRoute(item, defaults, isDefault: false) is { } route) read.Add((item, route));
        var fallback = root.Child("default") is { } defaultNode ? ReadRoute(defaultNode, defaults, isDefault: true) : null;
        root.RejectUnknownKeys();

        foreach (var group in read.GroupBy(r => r.Route.Name).Where(g => g.Count() > 1))
            foreach (var (node, _) in group.Skip(1))
                (node.Child("name") ?? node).Error($"duplicate route name '{group.Key}' (first used by {group.First().Node.Path})");
        for (var i = 0; i < read.Count - 1; i++)
            if (read[i].Route.MatchesEverything)
                read[i].Node.Error("matches every check (no team, no severity), so the routes after it never match: " +
                                   "give it a team or severity, or move it under default:");
        return new AlertRoutes(read.Select(r => r.Route).ToList(), fallback);
    }

    private static AlertRoute? ReadRoute(ConfigNode node, AlertRoute defaults, bool isDefault)
    {
        if (!node.ExpectMapping()) return null;
        var route = defaults with { Name = isDefault ? "default" : node.String("name") ?? node.Path, IsDefault = isDefault };
        if (!isDefault)
        {
            route = route with
            {
                Teams = node.Items("team").Select(t => t.Scalar()).OfType<string>().ToList(),
                Severities = ReadSeverities(node),
            };
        }
        var to = ReadRecipients(node, "to");
        route = ReadTimers(node, route) with { To = to ?? [], Escalate = ReadEscalation(node) };
        node.RejectUnknownKeys();
        return to is null ? null : route;
    }

    private static List<string> ReadSeverities(ConfigNode node)
    {
        var severities = new List<string>();
        foreach (var item in node.Items("severity"))
        {
            var severity = item.Scalar();
            if (severity is "critical" or "warning") severities.Add(severity);
            else if (severity is not null) item.Error($"'{severity}' is not a severity (write critical or warning)");
        }
        return severities;
    }

    private static AlertRoute ReadTimers(ConfigNode node, AlertRoute route)
    {
        var groupWait = ReadDuration(node, "group_wait", allowOff: false);
        var repeat = ReadDuration(node, "repeat_interval", allowOff: true);
        if (repeat is { Value: { } interval } && interval < AlertRoute.MinimumRepeatInterval)
        {
            node.Child("repeat_interval")!.Error(
                $"'{Durations.Format(interval)}' is too short: remind at most every {Durations.Format(AlertRoute.MinimumRepeatInterval)} (or write off for no reminders)");
            repeat = null;
        }
        return route with
        {
            GroupWait = groupWait?.Value ?? route.GroupWait,
            RepeatInterval = repeat is null ? route.RepeatInterval : repeat.Value,
            SendResolved = node.Bool("send_resolved") ?? route.SendResolved,
        };
    }

    private static Escalation? ReadEscalation(ConfigNode route)
    {
        var node = route.Child("escalate");
        if (node is null || !node.ExpectMapping()) return null;
        var after = node.RequiredChild("after") is null ? null : ReadDuration(node, "after", allowOff: false);
        var to = ReadRecipients(node, "to");
        node.RejectUnknownKeys();
        if (after is { Value: { } delay } && delay == TimeSpan.Zero)
        {
            node.Child("after")!.Error("must be longer than 0s: escalate only when the first recipients had time to acknowledge");
            return null;
        }
        return after?.Value is { } value && to is not null ? new Escalation(value, to) : null;
    }

    /// <summary>A list of email recipients with at least one entry; null (with errors) otherwise.</summary>
    private static IReadOnlyList<string>? ReadRecipients(ConfigNode parent, string key)
    {
        var node = parent.RequiredChild(key);
        if (node is null) return null;
        var items = node.AsItems();
        if (items.Count == 0)
        {
            node.Error("needs at least one recipient (write e.g. [ops@example.com])");
            return null;
        }
        var recipients = new List<string>();
        var valid = true;
        foreach (var item in items)
        {
            var text = item.Scalar()?.Trim();
            if (text is null) { valid = false; continue; }
            if (!TryParseRecipient(text, out var mailbox))
            {
                item.Error($"'{text}' is not an email address (write ops@example.com or \"Ops team <ops@example.com>\")");
                valid = false;
                continue;
            }
            if (!recipients.Any(r => SameAddress(r, mailbox!.Address))) recipients.Add(text);
        }
        return valid ? recipients : null;
    }

    /// <summary>A single mailbox with a local part and a domain; display names are allowed.</summary>
    public static bool TryParseRecipient(string text, out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (!MailboxAddress.TryParse(text, out var parsed)) return false;
        var address = parsed.Address;
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Any(char.IsWhiteSpace)) return false;
        var domain = address[(at + 1)..];
        if (domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        mailbox = parsed;
        return true;
    }

    /// <summary>The bare address of a recipient as written in alerts.yaml (<c>Ops &lt;ops@x&gt;</c> → <c>ops@x</c>).</summary>
    public static string AddressOf(string recipient) =>
        TryParseRecipient(recipient, out var mailbox) ? mailbox!.Address : recipient.Trim();

    public static bool SameAddress(string a, string b) => string.Equals(AddressOf(a), AddressOf(b), StringComparison.OrdinalIgnoreCase);

    private sealed record Parsed(TimeSpan? Value);

    /// <summary>A duration that may be 0s (and <c>off</c> when allowed, read as a null value); null when absent or invalid.</summary>
    private static Parsed? ReadDuration(ConfigNode parent, string key, bool allowOff)
    {
        var node = parent.Child(key);
        var text = node?.Scalar();
        if (node is null || text is null) return null;
        if (allowOff && text.Trim().Equals(OffValue, StringComparison.OrdinalIgnoreCase)) return new Parsed(null);
        if (Durations.TryParse(text, out var duration)) return new Parsed(duration);
        node.Error($"'{text}' is not a duration (write e.g. 30s, 5m, 1h{(allowOff ? ", or off" : "")})");
        return null;
    }
}
