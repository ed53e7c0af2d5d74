using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Checks;
using Monitoring.Scenarios;
using Monitoring.Storage;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web.Api;

/// <summary>
/// What a check's page shows beyond <c>/api/checks/{id}</c> (an incident's timeline, a scenario's last run step by step)
/// and the configuration banner every page carries, as JSON.
/// </summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Operations");

        api.MapGet("/incidents/{id:long}", async Task<Results<Ok<OpsJson.IncidentDetail>, ProblemHttpResult>> (long id, IIncidentStore store,
            CancellationToken ct) =>
            await store.GetIncidentAsync(id, ct) is { } incident
                ? TypedResults.Ok(OpsJson.IncidentOf(incident))
                : ApiProblem.NotFound($"no incident #{id}"))
            .RequireAuthorization(Policies.ReadApi).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One incident with its timeline: first failure, detection, notification, acknowledgement, resolution");

        api.MapGet("/scenarios/{id}", async Task<Results<Ok<OpsJson.ScenarioLastRun>, ProblemHttpResult>> (string id, ActiveChecks checks,
            IScenarioStore store, CancellationToken ct) =>
        {
            if (checks.Current.FindProbe(id) is not { Kind: ScenarioReader.KindName } scenario)
                return ApiProblem.NotFound($"no scenario '{id}'");
            var last = await store.LastRunAsync(id, ct);
            var screenshot = last is { } run && run.Steps.Any(s => s.Outcome == StepOutcome.Fail)
                ? await store.ScreenshotAsync(id, run.RunId, ct) : null;
            return TypedResults.Ok(OpsJson.ScenarioOf(scenario, last, screenshot));
        })
            .RequireAuthorization(Policies.ReadApi).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A scenario's last run step by step (outcome, HTTP status, start offset, duration, message), and its failed step's screenshot");

        api.MapGet("/config/status", (ConfigStatus status) => TypedResults.Ok(OpsJson.ConfigOf(status.Current)))
            .RequireAuthorization(Policies.ReadAnyApi)
            .WithSummary("When the configuration in force was loaded, and the errors of a newer version of checks/ that was refused");
        return routes;
    }
}
