using Monitoring.Shop.Import;
using Monitoring.Shop.Sources;
using Monitoring.Storage.Migrations;
using Monitoring.Storage.Postgres;
using Monitoring.Storage.Sqlite;
using Npgsql;

namespace Monitoring.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the configured backend behind the storage interfaces, and migrations at start-up.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, StorageOptions options)
    {
        switch (options.Provider)
        {
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                    throw new InvalidOperationException(
                        $"{StorageOptions.Section}:Provider is Postgres but {StorageOptions.Section}:ConnectionString is empty " +
                        "(set it in appsettings.json or as the environment variable Monitoring__Storage__ConnectionString)");
                // One data source for the whole process: it owns the connection pool.
                services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString));
                services.AddSingleton<PostgresDatabase>();
                services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<PostgresDatabase>());
                services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<PostgresDatabase>());
                services.AddSingleton<IMigrator>(sp => sp.GetRequiredService<PostgresDatabase>());
                services.AddSingleton<IShopWriter, PostgresShopWriter>();
                break;
            default:
                services.AddSingleton(sp => new SqliteDatabase(options.SqlitePath, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IDbConnectionFactory>(sp => sp.GetRequiredService<SqliteDatabase>());
                services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<SqliteDatabase>());
                services.AddSingleton<IMigrator>(sp => sp.GetRequiredService<SqliteDatabase>());
                services.AddSingleton<IShopWriter, SqliteShopWriter>();
                break;
        }
        services.AddSingleton<IProbeStore, SqlProbeStore>();
        services.AddSingleton<IScenarioStore, SqlScenarioStore>();
        services.AddSingleton<IIncidentStore, SqlIncidentStore>();
        services.AddSingleton<IAlertOutboxStore, SqlAlertOutboxStore>();
        services.AddSingleton<SqlMailOutbox>();
        services.AddSingleton<Mail.IMailOutbox>(provider => provider.GetRequiredService<SqlMailOutbox>());
        services.AddSingleton<IApiKeyStore, SqlApiKeyStore>();
        services.AddSingleton<IAuditStore, SqlAuditStore>();
        services.AddSingleton<IImportStore, SqlImportStore>();
        services.AddSingleton<IWatermarkStore, SqlWatermarkStore>();
        services.AddSingleton<SqlShopRetention>();
        services.AddSingleton<IQualityStore, SqlQualityStore>();
        services.AddSingleton<IQualityHistoryStore, SqlQualityHistoryStore>();
        services.AddSingleton<SqlShopRecords>();
        // Registered before the scheduler so that the schema exists before any job runs.
        services.AddHostedService<MigrationService>();
        return services;
    }
}
