using Monitoring.Charts;
using Monitoring.Access;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The probes as JSON, and their charts.</summary>
public static class ProbeEndpoints
{
    public static IEndpointRouteBuilder MapProbeEndpoints(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("").RequireAuthorization(Policies.ReadApi);
        endpoints.MapGet("/api/probes", async (IProbeStore store, TimeProvider time, CancellationToken ct) =>
        {
            var summaries = await store.SummariseAsync(time.GetUtcNow().AddHours(-24), ct);
            return Results.Ok(summaries.Select(s => new
            {
                id = s.Probe.Id,
                name = s.Probe.Name,
                kind = s.Probe.Kind,
                target = s.Probe.Target,
                intervalSeconds = s.Probe.Interval.TotalSeconds,
                team = s.Probe.Team,
                lastResult = s.LastResult is null ? null : new
                {
                    startedAt = s.LastResult.StartedAt,
                    outcome = ProbeNames.Of(s.LastResult.Outcome),
                    failureClass = s.LastResult.IsUp ? null : ProbeNames.Of(s.LastResult.Failure),
                    durationMs = Math.Round(s.LastResult.Duration.TotalMilliseconds, 1),
                    statusCode = s.LastResult.StatusCode,
                    message = s.LastResult.Message,
                },
                runs24h = s.Runs,
                successRatio24h = s.SuccessRatio,
            }));
        }).WithTags("Operations").WithSummary("Every active probe with its last result and its last 24 hours' runs and success ratio");

        endpoints.MapGet("/charts/probes/{id}/latency.svg", async (string id, IProbeStore store, TimeProvider time, CancellationToken ct) =>
        {
            var probes = await store.ListActiveAsync(ct);
            if (probes.All(p => p.Id != id))
                return Results.NotFound(new { error = $"no active probe '{id}'" });
            var now = time.GetUtcNow();
            var results = await store.ResultsAsync(id, now.AddHours(-24), now.AddMinutes(1), ct);
            return Results.Text(ProbeLatencyChart.RenderSvg($"{id}: last 24 hours", results), "image/svg+xml");
        });
        endpoints.MapGet("/charts/checks/{id}/phases.svg", async (string id, ActiveChecks checks, IProbeStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (checks.Current.FindProbe(id) is null)
                return Results.NotFound(new { error = $"no check '{id}'" });
            var now = time.GetUtcNow();
            var results = await store.ResultsAsync(id, now.AddHours(-24), now.AddMinutes(1), ct);
            return Results.Text(PhaseChart.RenderSvg($"{id}: time by phase, last 24 hours", results), "image/svg+xml");
        });
        return routes;
    }
}
