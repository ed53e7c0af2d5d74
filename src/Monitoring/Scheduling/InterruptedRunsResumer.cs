using Hangfire;

namespace Monitoring.Scheduling;

/// <summary>
/// At start-up, with Hangfire in memory (the embedded SQLite setup), runs again at once every system or import job
/// the previous process did not live to end (see <see cref="InterruptedRuns"/>); in memory, the queued and running
/// jobs died with that process. Registered after the job catalog is applied, so the recurring jobs exist.
/// </summary>
public sealed class InterruptedRunsResumer(InterruptedRuns runs, IRecurringJobManager jobs, ILogger<InterruptedRunsResumer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (jobId, startedAt) in await runs.TakeAsync(cancellationToken))
        {
            logger.LogWarning("Job {JobId} started at {StartedAt} was interrupted (the process stopped before it ended): running it again now",
                jobId, startedAt);
            try
            {
                jobs.Trigger(jobId);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Hangfire.Storage.DistributedLockTimeoutException)
            {
                // A job removed from checks/ since (a source deleted): nothing to run again.
                logger.LogWarning("Job {JobId} cannot be run again: {Message}", jobId, e.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
