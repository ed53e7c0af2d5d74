using Hangfire;
using Monitoring.Scheduling;
using Prometheus;

namespace Monitoring.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddHealthEndpoints();
        services.AddScoped<CheckViews>();
        services.AddRazorPages(options => options.RootDirectory = "/Web/Pages");
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>());
        app.MapProbeEndpoints();
        app.MapCheckEndpoints();
        app.MapRazorPages();

        var scheduling = app.Services.GetRequiredService<SchedulingOptions>();
        if (!string.IsNullOrEmpty(scheduling.DashboardPath))
        {
            app.UseHangfireDashboard(scheduling.DashboardPath, new DashboardOptions
            {
                Authorization = [new LoopbackOnlyDashboardFilter()],
                DashboardTitle = "shopmon jobs",
                DisplayStorageConnectionString = false,
            });
        }
        return app;
    }
}
