using Hangfire;
using Monitoring.Checks;
using Monitoring.Shop.Import;

namespace Monitoring.Scheduling;

/// <summary>Imports a source of the shop's data on its schedule; the report goes to the import runs, logs and metrics.</summary>
public sealed class SourceJob(ActiveChecks checks, SourceImporter importer, ILogger<SourceJob> logger)
{
    public const string Prefix = "source:";

    // A failed import is recorded as a failed run and retried at the next schedule: Hangfire's retries would only
    // import the same failing origin again a few seconds later.
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = checks.Current.Sources.FirstOrDefault(s => s.Id == sourceId);
        if (source is null)
        {
            logger.LogWarning("Source {Source} is no longer configured; its job will be removed at the next catalog update", sourceId);
            return;
        }
        await importer.ImportAsync(source, null, null, cancellationToken);
    }
}
