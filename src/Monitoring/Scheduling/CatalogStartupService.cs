using Monitoring.Checks;
using Monitoring.Metrics;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>
/// At start-up, after migrations and before the Hangfire server: mirrors the probe definitions into storage,
/// publishes their metric series and registers their recurring jobs.
/// </summary>
public sealed class CatalogStartupService(
    ActiveChecks checks,
    IProbeStore store,
    JobCatalog catalog,
    MonitoringMetrics metrics,
    TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var current = checks.Current;
        await store.SyncDefinitionsAsync(current.Probes, time.GetUtcNow(), cancellationToken);
        metrics.TrackProbes(current.Probes, time.GetUtcNow());
        catalog.Apply(current);
        catalog.ApplySystemJobs();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
