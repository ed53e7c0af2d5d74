using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Monitoring.Storage;
using Npgsql;

namespace Monitoring.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the storage that matches the service's own: in memory beside SQLite (one instance), PostgreSQL
    /// beside PostgreSQL (several instances share the jobs). Then the job catalog, applied at start-up.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, StorageOptions storage, SchedulingOptions options)
    {
        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres)
            {
                config.UsePostgreSqlStorage(
                    bootstrap => bootstrap.UseConnectionFactory(
                        new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>())),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = options.PollingInterval,
                        // LISTEN/NOTIFY: a job enqueued by one instance starts on another within a fraction of a second.
                        EnableLongPolling = true,
                    });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        services.AddSingleton<JobCatalog>();
        services.AddTransient<ProbeJob>();
        services.AddSingleton<Incidents.CheckEvaluator>();
        services.AddSingleton<Incidents.AvailabilityReport>();
        services.AddTransient<AvailabilityJob>();
        services.AddTransient<RetentionJob>();
        // Hosted services start in registration order: the catalog must be applied before the server polls.
        services.AddHostedService<CatalogStartupService>();
        services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = options.PollingInterval;
            server.WorkerCount = options.WorkerCount;
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }
}
