using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Kpis;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web.Api;

/// <summary>
/// The three overviews as JSON (<c>/overview/ops</c>, <c>/overview/managers</c>, <c>/overview/catalogue</c>), read from the
/// same views as the pages and under the same access rules (the catalogue one is the catalogue team's).
/// </summary>
public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/overview").WithTags("Overviews");

        api.MapGet("/ops", async (CheckViews views, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok(OpsJson.OverviewOf(await views.ListAsync(ct), time.GetUtcNow())))
            .RequireAuthorization(Policies.ReadApi)
            .WithSummary("The ops overview: checks and scenarios by state, the open incidents oldest first, and every check's last 7 days' availability");

        api.MapGet("/managers", async Task<Results<Ok<KpiJson.ManagersOverview>, ProblemHttpResult>> (string? period, OverviewViews views,
            KpiRunner runner, TimeProvider time, CancellationToken ct) =>
        {
            var chosen = KpiReport.LastCompleteWeek(runner.Days.DayOf(time.GetUtcNow()));
            if (!string.IsNullOrWhiteSpace(period))
            {
                if (Period.Parse(period) is not { } parsed)
                    return ApiProblem.BadRequest($"'{period}' is not a period (write 2026-W47, 2026-11, 2026-11-20 or R12-2026-11-30)");
                chosen = parsed;
            }
            var view = await views.ManagersAsync(chosen, ct);
            return TypedResults.Ok(new KpiJson.ManagersOverview(chosen.Label, chosen.Start, chosen.End, view.HasData,
                view.Tiles.Select(KpiJson.Of).ToList(), view.BelowTarget.Select(KpiJson.Of).ToList()));
        })
            .RequireAuthorization(Policies.ReadApi).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The managers' overview of a period (default: the last complete ISO week): the headline KPI tiles and the KPIs below target");

        api.MapGet("/catalogue", async (OverviewViews views, CancellationToken ct) =>
        {
            var view = await views.CatalogueAsync(ct);
            return TypedResults.Ok(new QualityJson.CatalogueOverview(view.Domains.Select(QualityJson.Of).ToList(), view.Unresolved, view.Open,
                view.Head.Select(QualityJson.Of).ToList()));
        })
            .RequireAuthorization(Policies.ReadCatalogueApi)
            .WithSummary("The catalogue overview: each domain's latest score and grade, the unresolved and open counts, the head of the work list");
        return routes;
    }
}
