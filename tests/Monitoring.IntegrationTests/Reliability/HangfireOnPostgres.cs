using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// The service's Hangfire schedule on PostgreSQL seen from the test, as the dashboard sees it: "Trigger now" on a
/// recurring job, and the states a background job went through.
/// </summary>
public sealed class HangfireOnPostgres(string connectionString)
{
    private readonly PostgreSqlStorage _storage = new(
        new NpgsqlConnectionFactory(connectionString, Options), Options);

    private static PostgreSqlStorageOptions Options => new() { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };

    /// <summary>Waits until the service has registered the recurring job (its catalog runs at start-up).</summary>
    public async Task WaitForRecurringJobAsync(string recurringJobId)
    {
        await TestSupport.Eventually.TrueAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            return await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'set'") == 1
                && await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = @Id", new { Id = recurringJobId }) == 1;
        }, TimeSpan.FromSeconds(60), $"the recurring job {recurringJobId}");
    }

    /// <summary>What the dashboard's "Trigger now" does: enqueues a run of the recurring job; returns its job id.</summary>
    public string Trigger(string recurringJobId)
    {
        // Hangfire's log provider is process-wide, and an in-process service of an earlier test set it to its own
        // logger factory, disposed since: this client logs nowhere instead of throwing ObjectDisposedException.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Silent());
        return new RecurringJobManager(_storage).TriggerJob(recurringJobId);
    }

    /// <summary>The job's states, oldest first (Enqueued, Processing, … Succeeded).</summary>
    public async Task<IReadOnlyList<string>> StatesAsync(string jobId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<string>("SELECT name FROM hangfire.state WHERE jobid = @Id ORDER BY id",
            new { Id = long.Parse(jobId) })).ToList();
    }

    /// <summary>The job's states with the reason of a failure, for a failure message.</summary>
    public async Task<string> DescribeAsync(string jobId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = await connection.QueryAsync<(string Name, string? Reason, string? Data)>(
            "SELECT name, reason, CAST(data AS text) FROM hangfire.state WHERE jobid = @Id ORDER BY id", new { Id = long.Parse(jobId) });
        return string.Join(" → ", rows.Select(r => r.Name == "Failed" ? $"Failed ({r.Reason}: {r.Data})" : r.Name));
    }

    /// <summary>Waits until the job is in <paramref name="state"/> (or has passed through it).</summary>
    public async Task WaitForStateAsync(string jobId, string state, TimeSpan timeout) =>
        await TestSupport.Eventually.TrueAsync(async () => (await StatesAsync(jobId)).Contains(state), timeout, $"job {jobId} to be {state}");

    private sealed class Silent : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
