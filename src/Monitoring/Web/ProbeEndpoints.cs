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
            TypedResults.Ok<IReadOnlyList<Api.Json.CheckJson.Probe>>((await store.SummariseAsync(time.GetUtcNow().AddHours(-24), ct))
                .Select(Api.Json.CheckJson.Of).ToList()))
            .WithTags("Operations").WithSummary("Every active probe with its last result and its last 24 hours' runs and success ratio");

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
