using Microsoft.AspNetCore.Authorization;

namespace Monitoring.Access;

/// <summary>
/// The named authorization policies every page and endpoint is mapped with. The fallback policy (a signed-in user or
/// a key) covers anything mapped without one, so a forgotten endpoint is closed rather than open.
/// </summary>
public static class Policies
{
    /// <summary>Uptime pages and charts: viewer, ops, admin.</summary>
    public const string ViewUptime = "view-uptime";

    /// <summary>The read-only JSON API: the roles of <see cref="ViewUptime"/>, or an API key with the read scope.</summary>
    public const string ReadApi = "read-api";

    /// <summary>The JSON of the data-quality and imports pages: the roles of <see cref="Catalogue"/>, or an API key with the read scope.</summary>
    public const string ReadCatalogueApi = "read-catalogue-api";

    /// <summary>What every page shows (the configuration banner): any role, or an API key with the read scope.</summary>
    public const string ReadAnyApi = "read-any-api";

    /// <summary>Incident work (acknowledgements from the UI): ops, admin.</summary>
    public const string Operate = "operate";

    /// <summary>Data-quality pages (to come): catalogue, admin.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Ingest endpoints (to come): an API key with the ingest scope.</summary>
    public const string Ingest = "ingest";

    /// <summary>Administration pages, the Hangfire dashboard: admin.</summary>
    public const string Admin = "admin";

    public static AuthorizationBuilder AddMonitoringPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ViewUptime, p => p.RequireRole(Roles.Viewer, Roles.Ops, Roles.Admin))
        .AddPolicy(ReadApi, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Viewer) || c.User.IsInRole(Roles.Ops) || c.User.IsInRole(Roles.Admin) ||
            c.User.HasClaim(ApiKeyDefaults.ScopeClaim, ApiKeyScopes.Read)))
        .AddPolicy(ReadCatalogueApi, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Catalogue) || c.User.IsInRole(Roles.Admin) || c.User.HasClaim(ApiKeyDefaults.ScopeClaim, ApiKeyScopes.Read)))
        .AddPolicy(ReadAnyApi, p => p.RequireAssertion(c =>
            Roles.All.Any(c.User.IsInRole) || c.User.HasClaim(ApiKeyDefaults.ScopeClaim, ApiKeyScopes.Read)))
        .AddPolicy(Operate, p => p.RequireRole(Roles.Ops, Roles.Admin))
        .AddPolicy(Catalogue, p => p.RequireRole(Roles.Catalogue, Roles.Admin))
        .AddPolicy(Ingest, p => p.RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyScopes.Ingest))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
