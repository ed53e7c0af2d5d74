using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Storage;
using Monitoring.Web.Api;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web;

/// <summary>The import runs and the quarantine as JSON: the same data as the imports page and the CLI.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        // The imports page is the catalogue team's: so is its JSON.
        var endpoints = routes.MapGroup("").WithTags("Imports").RequireAuthorization(Policies.ReadCatalogueApi);
        endpoints.MapGet("/api/imports", async Task<Results<Ok<IReadOnlyList<ImportJson.Run>>, ProblemHttpResult>> (IImportStore store,
            string? source, int? limit, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return ApiProblem.BadRequest("limit must be between 1 and 1000");
            return TypedResults.Ok<IReadOnlyList<ImportJson.Run>>((await store.ListRunsAsync(source, limit ?? 100, ct)).Select(ImportJson.Of).ToList());
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The latest import runs (?source=, ?limit= up to 1000): rows read and rejected per entity, status and error");

        endpoints.MapGet("/api/quarantine", async Task<Results<Ok<ImportJson.QuarantinePage>, ProblemHttpResult>> (IImportStore store,
            string? source, int? limit, long? before, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return ApiProblem.BadRequest("limit must be between 1 and 1000");
            var rows = await store.ListQuarantineAsync(source, limit ?? 100, before, ct);
            return TypedResults.Ok(new ImportJson.QuarantinePage(await store.CountQuarantineAsync(source, ct), rows.Select(ImportJson.Of).ToList(),
                rows.Count == (limit ?? 100) ? rows[^1].Id : null));
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The rows waiting in quarantine with their reason and raw values; page with ?before= the previous answer's next");
        return routes;
    }
}
