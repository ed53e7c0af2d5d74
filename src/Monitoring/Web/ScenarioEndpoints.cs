using Monitoring.Access;
using Monitoring.Charts;
using Monitoring.Checks;
using Monitoring.Scenarios;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The steps of scenarios: the waterfall chart of the last run, and the screenshot of a failed browser step.</summary>
public static class ScenarioEndpoints
{
    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("").RequireAuthorization(Policies.ReadApi);
        endpoints.MapGet("/charts/scenarios/{id}/steps.svg", async (string id, ActiveChecks checks, IScenarioStore store, CancellationToken ct) =>
        {
            if (checks.Current.FindProbe(id) is not { Kind: ScenarioReader.KindName })
                return Results.NotFound(new { error = $"no scenario '{id}'" });
            var last = await store.LastRunAsync(id, ct);
            var title = last is null ? $"{id}: steps" : $"{id}: steps of the run at {last.StartedAt:yyyy-MM-dd HH:mm:ss} UTC";
            return Results.Text(ScenarioStepChart.RenderSvg(title, last?.Steps ?? []), "image/svg+xml");
        });
        // The page where a browser step failed: of the given run, or of the latest run that has one.
        endpoints.MapGet("/charts/scenarios/{id}/screenshot.png", async (string id, Guid? run, ActiveChecks checks, IScenarioStore store,
            HttpContext http, CancellationToken ct) =>
        {
            if (checks.Current.FindProbe(id) is not { Kind: ScenarioReader.KindName })
                return Results.NotFound(new { error = $"no scenario '{id}'" });
            if (await store.ScreenshotAsync(id, run, ct) is not { } screenshot)
                return Results.NotFound(new { error = run is null ? $"'{id}' has no screenshot" : $"run {run} of '{id}' has no screenshot" });
            // A run's picture never changes; the latest one does.
            http.Response.Headers.CacheControl = run is null ? "no-cache" : "private, max-age=86400";
            return Results.File(screenshot.Png, "image/png");
        });
        return routes;
    }
}
