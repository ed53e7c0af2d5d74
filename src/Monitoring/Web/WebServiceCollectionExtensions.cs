using Hangfire;
using Monitoring.Access;
using Monitoring.Scheduling;
using Prometheus;

namespace Monitoring.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddHealthEndpoints();
        services.AddScoped<CheckViews>();
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
        });
        services.AddProblemDetails();
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
        app.MapProbeEndpoints();
        app.MapScenarioEndpoints();
        app.MapCheckEndpoints();
        app.MapImportEndpoints();
        app.MapKpiEndpoints();
        app.MapKpiChartEndpoints();
        app.MapIngestEndpoints();
        app.MapQualityEndpoints();
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
