using Monitoring.Access;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The import runs and the quarantine as JSON: the same data as the imports page and the CLI.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        // The imports page is the catalogue team's: so is its JSON.
        var endpoints = routes.MapGroup("").WithTags("Imports").RequireAuthorization(Policies.ReadCatalogueApi);
        endpoints.MapGet("/api/imports", async (IImportStore store, string? source, int? limit, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return Results.BadRequest(new { error = "limit must be between 1 and 1000" });
            var runs = await store.ListRunsAsync(source, limit ?? 100, ct);
            return Results.Ok(runs.Select(r => new
            {
                id = r.Id, source = r.Source, origin = r.Origin, startedAt = r.StartedAt, finishedAt = r.FinishedAt,
                status = r.Status, read = r.RowsRead, rejected = r.RowsRejected,
                entities = r.ReportJson is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(r.ReportJson).RootElement,
                error = r.Error,
            }));
        }).WithSummary("The latest import runs (?source=, ?limit= up to 1000): rows read and rejected per entity, status and error");

        endpoints.MapGet("/api/quarantine", async (IImportStore store, string? source, int? limit, long? before, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return Results.BadRequest(new { error = "limit must be between 1 and 1000" });
            var rows = await store.ListQuarantineAsync(source, limit ?? 100, before, ct);
            return Results.Ok(new
            {
                total = await store.CountQuarantineAsync(source, ct),
                rows = rows.Select(r => new
                {
                    id = r.Id, source = r.Source, origin = r.Origin, line = r.Line, entity = r.Entity, reason = r.Reason,
                    raw = r.Raw, runId = r.RunId, quarantinedAt = r.QuarantinedAt,
                }),
                next = rows.Count == (limit ?? 100) ? rows[^1].Id : (long?)null,
            });
        }).WithSummary("The rows waiting in quarantine with their reason and raw values; page with ?before= the previous answer's next");
        return routes;
    }
}
