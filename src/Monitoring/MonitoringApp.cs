using Monitoring.Access;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Scenarios.Browser;
using Monitoring.Scheduling;
using Monitoring.Kpis;
using Monitoring.Shop;
using Monitoring.Storage;
using Monitoring.Web;

namespace Monitoring;

/// <summary>The service as a table of contents: each room adds its services and maps its endpoints.</summary>
public static class MonitoringApp
{
    /// <summary>The configuration key of the checks folder.</summary>
    public const string ChecksPathKey = "Monitoring:ChecksPath";

    /// <summary>
    /// Builds the service, or returns null with every configuration error when the checks folder is invalid: the
    /// service never starts half-configured.
    /// </summary>
    /// <param name="args">Host arguments (<c>--urls</c>, <c>--Monitoring:Storage:Provider=Postgres</c> …).</param>
    /// <param name="configure">Adjusts the builder before the rooms are added (ports, settings).</param>
    /// <param name="variables">Values for <c>${NAME}</c> in checks/ that take precedence over the environment.</param>
    public static WebApplication? TryBuild(string[] args, Action<WebApplicationBuilder>? configure,
        IReadOnlyDictionary<string, string>? variables, out IReadOnlyList<ConfigError> errors)
    {
        // The application name is this assembly's even when a test host starts the service, so that its pages are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // No appsettings reload: its watcher covers the content root, where data/monitoring.db is written on every
            // probe run, and reacting to those writes cost 0.6–0.9 ms per run (measured).
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ApplicationName = typeof(MonitoringApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        var checksPath = builder.Configuration[ChecksPathKey] ?? "checks";
        var (checks, found) = CheckSetLoader.Default(variables).Load(checksPath);
        errors = found;
        if (checks is null) return null;

        builder.AddMonitoring(checks);
        builder.Services.AddSingleton(new ChecksSource(checksPath, variables));
        builder.Services.AddSingleton<ChecksReloadService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ChecksReloadService>());
        var app = builder.Build();
        app.MapMonitoring();
        return app;
    }

    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder, CheckSet checks)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var scheduling = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var retention = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ActiveChecks(checks));
        builder.Services.AddSingleton<ConfigStatus>();
        builder.Services.AddSingleton(scheduling);
        builder.Services.AddSingleton(retention);
        builder.Services.AddSingleton(builder.Configuration.GetSection(Quality.Digest.QualityDigestOptions.Section).Get<Quality.Digest.QualityDigestOptions>()
                                      ?? new Quality.Digest.QualityDigestOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection(Quality.Media.MediaProbeOptions.Section).Get<Quality.Media.MediaProbeOptions>()
            ?? new Quality.Media.MediaProbeOptions());
        builder.Services.AddMonitoringMetrics();
        builder.Services.AddStorage(storage);
        builder.Services.AddProbes();
        builder.Services.AddBrowserScenarios(builder.Configuration);
        builder.Services.AddShop();
        builder.Services.AddKpis();
        builder.Services.AddScheduling(storage, scheduling);
        builder.Services.AddAlerting(builder.Configuration);
        builder.Services.AddAccess(builder.Configuration);
        builder.Services.AddWeb();
        return builder;
    }

    public static WebApplication MapMonitoring(this WebApplication app)
    {
        app.MapWeb();
        app.MapAlerting();
        return app;
    }
}
