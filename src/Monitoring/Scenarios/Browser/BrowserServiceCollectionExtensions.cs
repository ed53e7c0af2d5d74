namespace Monitoring.Scenarios.Browser;

public static class BrowserServiceCollectionExtensions
{
    /// <summary>The browser of browser scenarios, from <c>Monitoring:Browser</c>; it starts only when a browser scenario
    /// first runs, so a service without any costs nothing and a machine without Chromium still starts.</summary>
    public static IServiceCollection AddBrowserScenarios(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(BrowserOptions.Section).Get<BrowserOptions>() ?? new BrowserOptions());
        services.AddSingleton<BrowserHost>();
        services.AddSingleton<BrowserScenarioRunner>();
        return services;
    }
}
