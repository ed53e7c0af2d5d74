using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Storage;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web.Api;

/// <summary>The administration pages' lists as JSON: the audit log and the API keys. Admin only, like the pages.</summary>
public static class AdminApi
{
    /// <summary>The most audit entries one request returns (the page shows the last 500).</summary>
    public const int MaxAuditEntries = 500;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);

        api.MapGet("/audit", async Task<Results<Ok<IReadOnlyList<AdminJson.AuditRow>>, ProblemHttpResult>> (int? limit, IAuditStore store,
            CancellationToken ct) =>
        {
            if (limit is < 1 or > MaxAuditEntries) return ApiProblem.BadRequest($"limit must be between 1 and {MaxAuditEntries}");
            return TypedResults.Ok<IReadOnlyList<AdminJson.AuditRow>>((await store.ListAsync(limit ?? MaxAuditEntries, ct)).Select(AdminJson.Of).ToList());
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The audit log, newest first: who did what, to what, when and from which address");

        api.MapGet("/api-keys", async (ApiKeyService keys, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<AdminJson.ApiKeyRow>>((await keys.ListAsync(ct)).Select(AdminJson.Of).ToList()))
            .WithSummary("The API keys: name, scope, hint (never the key), who created and revoked them, when they were last used");
        return routes;
    }
}
