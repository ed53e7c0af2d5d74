using Monitoring.Access;
using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The checks, their availability and incidents as JSON: the same data as the pages.</summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapCheckEndpoints(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("").WithTags("Operations").RequireAuthorization(Policies.ReadApi);
        endpoints.MapGet("/api/checks", async (CheckViews views, CancellationToken ct) =>
            Results.Ok((await views.ListAsync(ct)).Select(Row)))
            .WithSummary("Every check, worst first: state, last run, availability per window, 24 h latency percentiles, open incident");

        endpoints.MapGet("/api/checks/{id}", async (string id, CheckViews views, TimeProvider time, CancellationToken ct) =>
            await views.DetailAsync(id, ct) is { } detail
                ? Results.Ok(new
                {
                    check = Row(detail.Row),
                    last30Days = Statistics(detail.Last30Days(time.GetUtcNow())),
                    monthly = detail.Monthly.Select(Window),
                    incidents = detail.Incidents.Select(IncidentJson),
                    recentRuns = detail.RecentRuns.Select(Run),
                })
                : Results.NotFound(new { error = $"no check '{id}'" }))
            .WithSummary("One check: its row, MTTD/MTTA/MTTR over 30 days, monthly availability, incidents and the last 24 hours' runs");

        endpoints.MapGet("/api/incidents", async (IIncidentStore store, int? limit, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return Results.BadRequest(new { error = "limit must be between 1 and 1000" });
            return Results.Ok((await store.ListIncidentsAsync(null, limit ?? 100, ct)).Select(IncidentJson));
        }).WithSummary("The latest incidents of every check, newest first (?limit= up to 1000)");
        return routes;
    }

    private static object Row(CheckRow row) => new
    {
        id = row.Check.Id,
        name = row.Check.Name,
        kind = row.Check.Kind,
        target = row.Check.Settings.Target,
        team = row.Check.Team,
        severity = row.Check.Severity,
        intervalSeconds = row.Check.Interval.TotalSeconds,
        state = row.StatusName,
        stateSince = row.State?.Since,
        inMaintenance = row.State?.InMaintenance ?? false,
        flapping = row.State?.Flapping ?? false,
        lastResult = row.LastResult is null ? null : Run(row.LastResult),
        availability = row.Availability.Select(Window),
        latency24h = new
        {
            runs = row.Latency24h.Runs,
            p50Ms = row.Latency24h.P50?.TotalMilliseconds,
            p95Ms = row.Latency24h.P95?.TotalMilliseconds,
            p99Ms = row.Latency24h.P99?.TotalMilliseconds,
        },
        openIncident = row.OpenIncident is null ? null : IncidentJson(row.OpenIncident),
    };

    private static object Statistics(IncidentStatistics statistics) => new
    {
        incidents = statistics.Count,
        meanTimeToDetectSeconds = statistics.MeanTimeToDetect?.TotalSeconds,
        meanTimeToAcknowledgeSeconds = statistics.MeanTimeToAcknowledge?.TotalSeconds,
        meanTimeToResolveSeconds = statistics.MeanTimeToResolve?.TotalSeconds,
    };

    private static object Window(AvailabilityWindow window) => new
    {
        window = window.Window,
        from = window.From,
        to = window.To,
        ratio = window.Totals.Ratio,
        downSeconds = window.Totals.Down.TotalSeconds,
        maintenanceSeconds = window.Totals.Maintenance.TotalSeconds,
        unknownSeconds = window.Totals.Unknown.TotalSeconds,
    };

    private static object Run(ProbeResult run) => new
    {
        startedAt = run.StartedAt,
        outcome = ProbeNames.Of(run.Outcome),
        failureClass = run.IsUp ? null : ProbeNames.Of(run.Failure),
        durationMs = Math.Round(run.Duration.TotalMilliseconds, 1),
        statusCode = run.StatusCode,
        message = run.Message,
        phasesMs = run.Phases.ToDictionary(p => p.Key, p => Math.Round(p.Value.TotalMilliseconds, 2)),
        certificateExpiresAt = run.CertificateExpiresAt,
    };

    private static object IncidentJson(Incident incident) => new
    {
        id = incident.Id,
        checkId = incident.CheckId,
        open = incident.IsOpen,
        failureClass = ProbeNames.Of(incident.Failure),
        firstMessage = incident.FirstMessage,
        lastMessage = incident.LastMessage,
        firstFailureAt = incident.FirstFailureAt,
        detectedAt = incident.DetectedAt,
        notifiedAt = incident.NotifiedAt,
        acknowledgedAt = incident.AcknowledgedAt,
        acknowledgedBy = incident.AcknowledgedBy,
        resolvedAt = incident.ResolvedAt,
        heldBackBecause = incident.HeldBackBecause,
        timeToDetectSeconds = incident.TimeToDetect.TotalSeconds,
        timeToAcknowledgeSeconds = incident.TimeToAcknowledge?.TotalSeconds,
        timeToResolveSeconds = incident.TimeToResolve?.TotalSeconds,
    };
}
