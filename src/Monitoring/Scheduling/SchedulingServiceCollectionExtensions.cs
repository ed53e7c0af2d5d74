using Hangfire;
using Hangfire.Common;
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
                        // A job fetched by an instance that was then killed is run again by whichever worker sees it
                        // first once the dead instance has stopped renewing its claim (SchedulingOptions).
                        InvisibilityTimeout = options.AbandonedJobTimeout,
                        UseSlidingInvisibilityTimeout = true,
                        // Its locks are rows that outlive a killed process: the [DisableConcurrentExecution] lock of the
                        // killed quality scan or KPI run would fail the very run taken over (10 minutes by default).
                        // Half the abandonment: a job killed before its first renewal is taken over a full timeout
                        // after it was fetched, and its lock, taken just after the fetch, must be older than this by
                        // then (with the whole timeout, a lock taken a second after the fetch was not; seen in a test).
                        DistributedLockTimeout = options.AbandonedJobTimeout / 2,
                    });
            }
            else
            {
                // Finished jobs are kept 10 minutes, not the default 3 hours: at 1,000 checks a minute that is
                // 10,000 jobs in memory instead of 180,000.
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromMinutes(10) });
            }
        });
        // This instance's lag filter beside Hangfire's usual ones; registered after AddHangfire so that its server
        // takes this provider, not the process-wide default (several instances share a process in the tests).
        services.AddSingleton<SchedulerLagFilter>();
        services.AddSingleton<IJobFilterProvider, SchedulerLagFilter.Provider>();
        services.AddSingleton<JobCatalog>();
        services.AddTransient<ProbeJob>();
        services.AddSingleton<HeldProbeResults>();
        services.AddSingleton<Incidents.CheckEvaluator>();
        services.AddSingleton<Incidents.AvailabilityReport>();
        services.AddTransient<AvailabilityJob>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<Quality.QualityScanner>();
        services.AddTransient<QualityScanJob>();
        services.AddSingleton<Quality.Digest.QualityDigestService>();
        services.AddTransient<QualityDigestJob>();
        services.AddSingleton<Quality.Incremental.QualityScanMarks>();
        services.AddTransient<QualityIncrementalJob>();
        services.AddSingleton<Quality.Media.MediaProbes>();
        services.AddTransient<SourceJob>();
        services.AddTransient<KpiJob>();
        services.AddTransient<KpiReportJob>();
        // Hosted services start in registration order: the catalog must be applied before the server polls.
        services.AddHostedService<CatalogStartupService>();
        // In memory, a killed process took its running jobs with it; PostgreSQL's storage takes them over itself.
        if (storage.Provider != StorageProvider.Postgres)
        {
            services.AddSingleton<InterruptedRuns>();
            services.AddHostedService<InterruptedRunsResumer>();
        }
        services.AddHostedService<JobQueueMetrics>();
        services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = options.PollingInterval;
            server.WorkerCount = options.WorkerCount;
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }
}
