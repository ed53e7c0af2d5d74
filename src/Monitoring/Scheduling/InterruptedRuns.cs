using System.Globalization;
using Dapper;
using Hangfire.Server;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>
/// Marks the system and import jobs while they run (<c>job_run_markers</c>): a row written as one starts and deleted
/// when it ends, in success or failure. A row still there at the next start is a run the process did not live to end
/// (killed, out of memory, the machine lost), which <see cref="InterruptedRunsResumer"/> runs again. Only with Hangfire
/// in memory (SQLite): on PostgreSQL, Hangfire's storage takes an abandoned job over itself. Probe jobs are not
/// marked: they run every minute anyway, and a write per probe run would double the store's load.
/// </summary>
public sealed class InterruptedRuns(IDbConnectionFactory database, TimeProvider time, ILogger<InterruptedRuns> logger) : IServerFilter
{
    /// <summary>Whether runs of this recurring job are marked: the system jobs and the source imports.</summary>
    public static bool Tracks(string? recurringJobId) =>
        recurringJobId is not null && (recurringJobId.StartsWith("system:", StringComparison.Ordinal) || recurringJobId.StartsWith("source:", StringComparison.Ordinal));

    private const string MarkedJob = "shopmon:marked-job";

    public void OnPerforming(PerformingContext context)
    {
        // Probe jobs are not marked: skip them before reading anything from the job storage (a hot path).
        if (context.BackgroundJob.Job?.Type == typeof(ProbeJob)) return;
        string? id;
        try
        {
            id = context.GetJobParameter<string>("RecurringJobId");
        }
        catch (Exception e)
        {
            // Read from the job storage, which may be the database that just failed: no mark, and the job still runs.
            logger.LogWarning("Could not read the recurring job id of job {Job} to mark its run: {Message}", context.BackgroundJob.Id, e.Message);
            return;
        }
        if (!Tracks(id)) return;
        // Kept for OnPerformed, which must not depend on the storage answering again.
        context.Items[MarkedJob] = id;
        Write("""
            INSERT INTO job_run_markers (job_id, started_at) VALUES (@Id, @At)
            ON CONFLICT (job_id) DO UPDATE SET started_at = excluded.started_at
            """, new { Id = id, At = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture) });
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(MarkedJob, out var value) && value is string id)
            Write("DELETE FROM job_run_markers WHERE job_id = @Id", new { Id = id });
    }

    /// <summary>The runs left marked by an earlier process, removed from the table as they are read.</summary>
    public async Task<IReadOnlyList<(string JobId, string StartedAt)>> TakeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var left = (await connection.QueryAsync<(string JobId, string StartedAt)>(new CommandDefinition(
            "SELECT job_id, started_at FROM job_run_markers ORDER BY started_at", cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM job_run_markers WHERE job_id = @JobId",
            left.Select(l => new { l.JobId }).ToList(), cancellationToken: cancellationToken));
        return left;
    }

    // A mark that cannot be written must not fail the job it marks: the job matters, the mark only speeds a restart.
    private void Write(string sql, object parameters)
    {
        try
        {
            using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
            connection.Execute(sql, parameters);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not mark a job run in job_run_markers: {Message}", e.Message);
        }
    }
}
