using Monitoring.Access;
using Monitoring.Charts;
using Monitoring.Checks;
using Monitoring.Scenarios;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The steps of scenarios: the waterfall chart of the last run.</summary>
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
        return routes;
    }
}
