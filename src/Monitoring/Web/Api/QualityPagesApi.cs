using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web.Api;

/// <summary>
/// A record's quality page and a team's weekly digest as JSON, read from <see cref="QualityViews"/> like the pages and,
/// like them, for the catalogue team (or a read key).
/// </summary>
public static class QualityPagesApi
{
    public static IEndpointRouteBuilder MapQualityPagesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/quality").WithTags("Data quality").RequireAuthorization(Policies.ReadCatalogueApi);

        api.MapGet("/records/{entity}/{**key}", async Task<Results<Ok<QualityJson.Record>, ProblemHttpResult>> (string entity, string key,
            QualityViews views, CancellationToken ct) =>
        {
            if (!Quality.QualityNames.Entities.Contains(entity, StringComparer.Ordinal))
                return ApiProblem.NotFound($"'{entity}' is not an entity (known: {string.Join(", ", Quality.QualityNames.Entities)})");
            if (await views.RecordAsync(entity, key, ct) is not { } view)
                return ApiProblem.NotFound($"no finding and no score for {entity} '{key}'");
            return TypedResults.Ok(new QualityJson.Record(entity, key, view.Current is { } current ? QualityJson.Of(current) : null,
                view.OpenFindings, view.Findings.Select(QualityJson.Of).ToList(), view.History.Select(QualityJson.Of).ToList()));
        })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One record's quality: its current score, grade and dimension scores, every finding it had, and its grade history");

        api.MapGet("/digest", async Task<Results<Ok<QualityJson.Digest>, ProblemHttpResult>> (string? team, string? week, QualityViews views,
            CancellationToken ct) =>
        {
            var (view, chosen, error) = await views.DigestAsync(team, week, ct);
            if (view is null) return chosen is null ? ApiProblem.NotFound(error!) : ApiProblem.BadRequest(error!);
            return TypedResults.Ok(QualityJson.Of(view.Digest, view.RouteName, view.Recipients, view.Subject, view.Text));
        })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A team's weekly digest (?team=, ?week=2026-W48; default the first team and the current week) as its email says it, without sending it");
        return routes;
    }
}
