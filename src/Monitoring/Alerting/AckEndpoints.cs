using Monitoring.Access;
using Monitoring.Alerting.Channels.Email;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Storage;

namespace Monitoring.Alerting;

/// <summary>
/// The acknowledgement link of alert emails. Mail scanners and link previews fetch every GET link, so a GET only shows
/// the incident and a button; the POST from that button acknowledges. The signed token is the credential (and, posted
/// with the form, the CSRF protection): a bad or expired one is a 403, an unknown incident a 404, and a storage failure
/// a 503 with a message, never a 500. Being the credential, the token also lets these endpoints answer without a
/// sign-in: the recipient of the email may have no account at all.
/// </summary>
public static class AckEndpoints
{
    public static IEndpointRouteBuilder MapAckEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/incidents/{id:long}/ack", (long id, HttpContext http, CancellationToken ct) =>
            AnswerAsync(id, http, acknowledge: false, ct)).AllowAnonymous();
        endpoints.MapPost("/incidents/{id:long}/ack", (long id, HttpContext http, CancellationToken ct) =>
            AnswerAsync(id, http, acknowledge: true, ct)).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(long id, HttpContext http, bool acknowledge, CancellationToken ct)
    {
        var services = http.RequestServices;
        // The token is in the URL: keep it out of Referer headers, caches and search engines.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        try
        {
            var token = http.Request.Query["token"].FirstOrDefault();
            if (acknowledge && http.Request.HasFormContentType)
                token = (await http.Request.ReadFormAsync(ct))["token"].FirstOrDefault() ?? token;

            var check = await services.GetRequiredService<AckLinks>().VerifyAsync(id, token, ct);
            if (!check.IsValid) return AckPage.Render(StatusCodes.Status403Forbidden, "Link not accepted", check.Problem!);

            var store = services.GetRequiredService<IIncidentStore>();
            if (await store.GetIncidentAsync(id, ct) is not { } incident)
                return AckPage.Render(StatusCodes.Status404NotFound, "Unknown incident", $"There is no incident #{id}. It may have been removed.");

            var zone = ZoneOf(services.GetRequiredService<ActiveChecks>().Current);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!acknowledge || !incident.IsOpen || incident.AcknowledgedAt is not null)
                return Show(incident, check.Who!, token!, zone, now);

            var done = await store.AcknowledgeAsync(id, check.Who!, now, ct);
            var after = await store.GetIncidentAsync(id, ct) ?? incident;
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AckEndpoints))
                .LogInformation("Incident {Incident} ({Check}) acknowledged by {Who} through an email link", id, incident.CheckId, check.Who);
            if (done)
                await services.GetRequiredService<AuditLog>().RecordAsync(check.Who!, AuditActions.IncidentAcknowledged,
                    $"incident #{id} ({incident.CheckId})", "email link", http, ct);
            return done
                ? AckPage.Render(StatusCodes.Status200OK, "Acknowledged",
                    $"Incident #{id} ({incident.CheckId}) is acknowledged by {check.Who} at {EmailComposer.Time(now, zone)}. " +
                    "Reminders and escalation are stopped; everyone notified will still get the resolved notice.", Summary(after, zone, now))
                : Show(after, check.Who!, token!, zone, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AckEndpoints))
                .LogError(e, "Could not answer the acknowledgement link of incident {Incident}", id);
            return AckPage.Render(StatusCodes.Status503ServiceUnavailable, "Try again in a moment",
                "The monitoring service could not reach its database. Nothing was changed; open the link again in a moment.");
        }
    }

    /// <summary>The confirmation page: the incident, and the button when there is something to acknowledge.</summary>
    private static IResult Show(Incident incident, string who, string token, TimeZoneInfo zone, DateTimeOffset now)
    {
        var summary = Summary(incident, zone, now);
        if (incident.ResolvedAt is { } resolved)
            return AckPage.Render(StatusCodes.Status200OK, "Already resolved",
                $"Incident #{incident.Id} ({incident.CheckId}) was resolved at {EmailComposer.Time(resolved, zone)}: there is nothing to acknowledge.", summary);
        if (incident.AcknowledgedAt is { } at)
            return AckPage.Render(StatusCodes.Status200OK, "Already acknowledged",
                $"Incident #{incident.Id} ({incident.CheckId}) was acknowledged by {incident.AcknowledgedBy} at {EmailComposer.Time(at, zone)}.", summary);
        return AckPage.Render(StatusCodes.Status200OK, $"Acknowledge incident #{incident.Id}?",
            $"Acknowledging tells everyone you are on it: reminders and escalation stop. You acknowledge as {who}.", summary,
            (AckLinks.PathOf(incident.Id), token));
    }

    private static IReadOnlyList<(string, string)> Summary(Incident incident, TimeZoneInfo zone, DateTimeOffset now) =>
    [
        ("Check", incident.CheckId),
        ("What failed", incident.FirstMessage),
        ("Down since", EmailComposer.Time(incident.FirstFailureAt, zone)),
        (incident.IsOpen ? "Down for" : "Downtime", EmailComposer.Span((incident.ResolvedAt ?? now) - incident.FirstFailureAt)),
        ("Last response", incident.LastMessage),
    ];

    private static TimeZoneInfo ZoneOf(CheckSet checks) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(checks.Settings.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
