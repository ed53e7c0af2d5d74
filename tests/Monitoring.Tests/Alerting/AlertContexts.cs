using Monitoring.Alerting;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Probes.Http;
using Monitoring.Storage;

namespace Monitoring.Tests.Alerting;

/// <summary>An incident of the product page, as the alert channels see it, for the content tests.</summary>
public static class AlertContexts
{
    public static readonly DateTimeOffset Detected = new(2026, 11, 23, 9, 3, 15, TimeSpan.Zero);

    public static readonly ProbeDefinition Probe = new("product-page", "Product page", "http", TimeSpan.FromSeconds(15),
        TimeSpan.FromSeconds(3), "webshop", new HttpProbeSettings { Url = new Uri("https://shop.example.com/products/GLV-NIT-100") },
        "checks/probes/storefront.yaml:14") { Severity = "critical" };

    public static readonly AlertRoute Route = new()
    {
        Name = "webshop-critical",
        Teams = ["webshop"],
        Severities = ["critical"],
        To = ["oncall@example.com"],
        Escalate = new Escalation(TimeSpan.FromMinutes(15), ["lead@example.com"]),
    };

    public static Incident Incident(string message = "status: expected 200, got 500") => new(42, "product-page",
        FailureClass.HttpStatus, message, message, Detected.AddSeconds(-30), Detected, null, null, null, null, null);

    public static AlertContext Context(Incident? incident = null, DateTimeOffset? now = null, IReadOnlyList<OutboxEntry>? rows = null,
        IReadOnlyList<Incident>? others = null)
    {
        var at = now ?? Detected.AddSeconds(30);
        return new AlertContext(incident ?? Incident(), Probe, Route, rows ?? [], Results(at), at.AddHours(-3), others ?? [],
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), at);
    }

    /// <summary>Three hours of runs every 15 seconds, failing since the incident's first failure.</summary>
    public static IReadOnlyList<ProbeResult> Results(DateTimeOffset now)
    {
        var firstFailure = Detected.AddSeconds(-30);
        var results = new List<ProbeResult>();
        for (var t = now.AddHours(-3); t < now; t = t.AddSeconds(15))
        {
            var up = t < firstFailure;
            results.Add(new ProbeResult(Guid.NewGuid(), "product-page", t, TimeSpan.FromMilliseconds(up ? 80 + t.Minute % 7 * 10 : 30),
                up ? ProbeOutcome.Pass : ProbeOutcome.Fail, up ? 200 : 500, up ? "HTTP 200" : "status: expected 200, got 500"));
        }
        return results;
    }

    public static PlannedNotification Planned(NotificationKind kind, string recipient = "oncall@example.com") =>
        new(kind, kind.ToString().ToLowerInvariant(), recipient, Detected.AddSeconds(30));

    public static OutboxEntry SentTrigger(string recipient, DateTimeOffset at) => new(1, 42, "email", NotificationKind.Trigger, "trigger",
        recipient, NotificationStatus.Sent, at, at, "incident-42.abc@example.com", 1, null);
}
