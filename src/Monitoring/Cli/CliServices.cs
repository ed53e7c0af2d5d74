using Monitoring.Kpis;
using Monitoring.Shop;
using Monitoring.Storage;

namespace Monitoring.Cli;

/// <summary>
/// The services a command-line verb needs without the web host: the configured store (the same settings as
/// <c>serve</c>: appsettings.json, environment, <c>--Monitoring:Storage:…</c>), migrated, and the import pipeline.
/// </summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> BuildAsync(IReadOnlyList<string> hostArgs, CancellationToken cancellationToken,
        Action<IServiceCollection>? add = null)
    {
        var configuration = Configuration(hostArgs);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true)
                .SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            // The settings bound from the container (Monitoring:Kpis and the like) read them as serve does.
            .AddSingleton(configuration);
        services.AddStorage(storage);
        services.AddShop();
        services.AddKpis();
        add?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IMigrator>().MigrateAsync(cancellationToken);
        return provider;
    }

    /// <summary>
    /// The settings as <c>serve</c> reads them: <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> from the
    /// working directory (not from the folder of the executable, which a file provider would default to), then the
    /// environment, then <c>--Key=value</c>.
    /// </summary>
    public static IConfiguration Configuration(IReadOnlyList<string> hostArgs)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                          ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. hostArgs])
            .Build();
    }
}
