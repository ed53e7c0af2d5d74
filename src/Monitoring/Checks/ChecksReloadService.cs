using Monitoring.Metrics;
using Monitoring.Scheduling;
using Monitoring.Storage;

namespace Monitoring.Checks;

/// <summary>
/// Watches checks/ while the service runs and puts a changed, valid configuration in force: probe definitions mirrored
/// into storage, metric series and recurring jobs updated; jobs read the new set at their next run. A change with
/// errors is refused as a whole: the last good configuration stays in force, and the errors (file, line, field) go to
/// the log, the pages' banner and <c>shopmon_config_last_reload_successful</c>. The folder is polled (a content digest
/// every <see cref="Interval"/>) rather than watched, which also works on network and container mounts.
/// </summary>
public sealed class ChecksReloadService(
    ChecksSource source,
    ActiveChecks checks,
    ConfigStatus status,
    IProbeStore store,
    JobCatalog catalog,
    MonitoringMetrics metrics,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<ChecksReloadService> logger) : BackgroundService
{
    public const string IntervalKey = "Monitoring:Checks:ReloadInterval";

    /// <summary>How often the folder is looked at (<c>Monitoring:Checks:ReloadInterval</c>, default 5 s); zero turns
    /// reloading off.</summary>
    public TimeSpan Interval { get; } = configuration.GetValue<TimeSpan?>(IntervalKey) ?? TimeSpan.FromSeconds(5);

    private string? _fingerprint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _fingerprint = source.Fingerprint();
        metrics.ConfigReloadSuccessful.Set(1);
        if (Interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A store that is down must not end the watching: the next tick tries again.
                logger.LogError(e, "Could not apply the changed checks/ configuration; trying again in {Interval}", Durations.Format(Interval));
                _fingerprint = null;
            }
        }
    }

    /// <summary>Reloads when the files changed since the last look; true when a new configuration was put in force.</summary>
    public async Task<bool> ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        var fingerprint = source.Fingerprint();
        if (fingerprint == _fingerprint) return false;
        var (loaded, errors) = source.Load();
        var now = time.GetUtcNow();
        if (loaded is null)
        {
            _fingerprint = fingerprint;
            status.Refused(now, errors);
            // The count first: a scrape between the two must not see "refused" with no errors.
            metrics.ConfigErrors.Set(errors.Count);
            metrics.ConfigReloadSuccessful.Set(0);
            logger.LogError("checks/ changed but has {Count} error(s); the configuration loaded at {LoadedAt:u} stays in force:{Errors}",
                errors.Count, status.Current.LoadedAt, string.Concat(errors.Select(e => Environment.NewLine + "  " + e)));
            return false;
        }

        var before = checks.Current;
        await store.SyncDefinitionsAsync(loaded.Probes, now, cancellationToken);
        checks.Replace(loaded);
        metrics.TrackProbes(loaded.Probes, now);
        catalog.Apply(loaded);
        _fingerprint = fingerprint;
        status.Loaded(now);
        metrics.ConfigErrors.Set(0);
        metrics.ConfigReloadSuccessful.Set(1);
        var added = loaded.Probes.Select(p => p.Id).Except(before.Probes.Select(p => p.Id)).ToList();
        var removed = before.Probes.Select(p => p.Id).Except(loaded.Probes.Select(p => p.Id)).ToList();
        logger.LogInformation("checks/ reloaded: {Probes} check(s) ({Added} added, {Removed} removed), {Sources} source(s), {Rules} quality rule(s)",
            loaded.Probes.Count, added.Count == 0 ? "none" : string.Join(", ", added), removed.Count == 0 ? "none" : string.Join(", ", removed),
            loaded.Sources.Count, loaded.QualityRules.Count);
        return true;
    }
}
