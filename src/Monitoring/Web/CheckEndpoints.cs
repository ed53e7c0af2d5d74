using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Storage;
using Monitoring.Web.Api;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web;

/// <summary>The checks, their availability and incidents as JSON: the same data as the pages.</summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapCheckEndpoints(this IEndpointRouteBuilder routes)
    {
        var endpoints = routes.MapGroup("").WithTags("Operations").RequireAuthorization(Policies.ReadApi);
        endpoints.MapGet("/api/checks", async (CheckViews views, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<CheckJson.Row>>((await views.ListAsync(ct)).Select(CheckJson.Of).ToList()))
            .WithSummary("Every check, worst first: state, last run, availability per window, 24 h latency percentiles, open incident");

        endpoints.MapGet("/api/checks/{id}", async Task<Results<Ok<CheckJson.Detail>, ProblemHttpResult>> (string id, CheckViews views,
            TimeProvider time, CancellationToken ct) =>
            await views.DetailAsync(id, ct) is { } detail
                ? TypedResults.Ok(CheckJson.Of(detail, time.GetUtcNow()))
                : ApiProblem.NotFound($"no check '{id}'"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One check: its row, timeout and dependencies, MTTD/MTTA/MTTR over 30 days, monthly availability, incidents and the last 24 hours' runs");

        endpoints.MapGet("/api/incidents", async Task<Results<Ok<IReadOnlyList<CheckJson.Incident>>, ProblemHttpResult>> (IIncidentStore store,
            int? limit, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return ApiProblem.BadRequest("limit must be between 1 and 1000");
            return TypedResults.Ok<IReadOnlyList<CheckJson.Incident>>((await store.ListIncidentsAsync(null, limit ?? 100, ct)).Select(CheckJson.Of).ToList());
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The latest incidents of every check, newest first (?limit= up to 1000)");
        return routes;
    }
}
