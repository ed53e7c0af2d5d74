namespace Monitoring.Storage.Migrations;

/// <summary>Applies pending migrations when the service starts, before any job can touch the database.</summary>
public sealed class MigrationService(IMigrator migrator, IStorageHealth storage, ILogger<MigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        if (applied.Count == 0)
            logger.LogInformation("Storage ({Backend}) schema is up to date", storage.Backend);
        else
            logger.LogInformation("Storage ({Backend}): applied {Count} migration(s): {Migrations}", storage.Backend, applied.Count, string.Join(", ", applied));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
