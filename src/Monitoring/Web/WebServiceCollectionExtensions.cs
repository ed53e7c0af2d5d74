using Hangfire;
using Monitoring.Access;
using Monitoring.Scheduling;
using Prometheus;

namespace Monitoring.Web;

public static class WebServiceCollectionExtensions
{
    public const string OpenApiDocumentName = "v1";

    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddHealthEndpoints();
        services.AddScoped<CheckViews>();
        services.AddScoped<OverviewViews>();
        services.AddScoped<QualityViews>();
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            // Every page names its policy here, in one place; a page not listed falls to the fallback policy (signed in).
            options.Conventions.AuthorizePage("/Index", Policies.ViewUptime);
            options.Conventions.AuthorizePage("/Check", Policies.ViewUptime);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Data", Policies.Catalogue);
            options.Conventions.AuthorizeFolder("/Quality", Policies.Catalogue);
            options.Conventions.AuthorizeFolder("/Incidents", Policies.Operate);
            options.Conventions.AuthorizeFolder("/Kpis", Policies.ViewUptime);
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AuthorizePage("/Overview/Ops", Policies.ViewUptime);
            options.Conventions.AuthorizePage("/Overview/Managers", Policies.ViewUptime);
            options.Conventions.AuthorizePage("/Overview/Catalogue", Policies.Catalogue);
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A query value that does not bind (limit=abc) or a body over the size limit: say which and why.
            if (context.Exception is BadHttpRequestException bad) context.ProblemDetails.Detail = bad.Message;
        });
        // Binding failures are thrown, so that the handler below answers them with their reason instead of a bare 400;
        // the exception carries its own 4xx status (400 for a value, 413 for a body over the limit).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(options =>
        {
            options.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            // The caller's mistake, answered with its reason: not an error of the service to log as one.
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException;
        });
        // The JSON API described for clients and code generators; pages and charts are for people and stay out of it.
        services.AddOpenApi(OpenApiDocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "shopmon API";
                document.Info.Description =
                    "Checks, incidents, imports, KPIs and data quality as JSON. Authenticate with an API key " +
                    "(`Authorization: Bearer shm_…`, read scope; ingest scope for /api/ingest) or a signed-in session.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var scheduling = app.Services.GetRequiredService<SchedulingOptions>();
        var access = app.Services.GetRequiredService<AccessOptions>();
        app.UseAccess(scheduling.DashboardPath);

        app.MapHealthEndpoints(access.OpenHealth);
        var metrics = app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>());
        if (access.OpenMetrics) metrics.AllowAnonymous();
        else metrics.RequireAuthorization(Policies.ReadApi);
        // The description of the API, not the API: open like /healthz, so tools can read it before they hold a key.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The JSON Schemas of checks/ files: open too, so editors can fetch them for completion.
        app.MapGet("/schemas/{name}.json", (string name) => Checks.Schemas.CheckSchemas.Text(name) is { } schema
            ? Results.Text(schema, "application/schema+json")
            : Results.NotFound(new { error = $"no schema named '{name}' (known: {string.Join(", ", Checks.Schemas.CheckSchemas.Names.Keys)})" }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapProbeEndpoints();
        app.MapScenarioEndpoints();
        app.MapCheckEndpoints();
        app.MapImportEndpoints();
        app.MapKpiEndpoints();
        app.MapKpiChartEndpoints();
        app.MapIngestEndpoints();
        app.MapQualityEndpoints();
        Api.ReportingApi.MapReportingApi(app);
        Api.KpiPagesApi.MapKpiPagesApi(app);
        Api.QualityPagesApi.MapQualityPagesApi(app);
        Api.OverviewApi.MapOverviewApi(app);
        Api.OperationsApi.MapOperationsApi(app);
        Api.AdminApi.MapAdminApi(app);
        app.MapRazorPages();
        app.MapAccess();

        if (!string.IsNullOrEmpty(scheduling.DashboardPath))
        {
            app.UseHangfireDashboard(scheduling.DashboardPath, new DashboardOptions
            {
                Authorization = [new AdminOnlyDashboardFilter()],
                DashboardTitle = "shopmon jobs",
                DisplayStorageConnectionString = false,
            });
        }
        return app;
    }
}
