using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitoring.Scheduling;
using Monitoring.TestSupport;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// The embedded setup (SQLite, Hangfire in memory) killed (SIGKILL) in the middle of a full quality scan, then started
/// again: the jobs queued in memory died with the process, so the run marker the scan left in the store makes the next
/// start run it again at once, and it finishes exactly once. The first start's scan is itself such a resumed run (a
/// marker planted as a killed process leaves it), killed a second after it visibly started.
/// </summary>
[Collection(PostgresCollection.Name)] // hosts whole services: not beside the other hosting tests
public sealed class RestartOnSqliteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_quality_scan_killed_halfway_runs_again_at_the_next_start_and_finishes_once()
    {
        using var folder = new TempFolder();
        RestartTests.CopyRepositoryChecks(folder.Checks);
        var database = folder.SqlitePath;
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var (generated, _) = await RestartTests.FillWithDemoDataAsync(["--Monitoring:Storage:Provider=Sqlite", $"--Monitoring:Storage:SqlitePath={database}"]);
        var planted = DateTime.UtcNow.AddMinutes(-5).ToString("O");
        await ExecuteAsync(database, "INSERT INTO job_run_markers (job_id, started_at) VALUES (@Id, @At)", new { Id = QualityScanJob.JobId, At = planted });

        var clock = Stopwatch.StartNew();
        var first = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        // The resumed scan marks itself as it starts: a newer started_at than the planted one.
        await Eventually.TrueAsync(async () => await ScalarAsync<string?>(database,
                "SELECT started_at FROM job_run_markers WHERE job_id = @Id", new { Id = QualityScanJob.JobId }) is { } at && at != planted,
            TimeSpan.FromMinutes(2), "the resumed quality scan to start");
        var startedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await first.KillAsync();
        await using var _ = first;
        var killedAt = clock.Elapsed;
        var findingsAtKill = await ScalarAsync<long>(database, "SELECT count(*) FROM quality_findings");
        var scoresAtKill = await ScalarAsync<long>(database, "SELECT count(*) FROM quality_scores");

        var restart = Stopwatch.StartNew();
        await using var second = await ServiceProcess.StartAsync(folder.Checks, Environment(database));
        await Eventually.TrueAsync(async () => await ScalarAsync<long>(database, "SELECT count(*) FROM quality_scores") > 0
                                               && await ScalarAsync<long>(database, "SELECT count(*) FROM job_run_markers") == 0,
            TimeSpan.FromMinutes(5), $"the scan to finish after the restart\n--- killed ---\n{first.Output}\n--- restarted ---\n{second.Output}");
        var finishedAfter = restart.Elapsed;
        // Nothing else runs it again: a second run would move last_seen_at or add rows.
        await Task.Delay(TimeSpan.FromSeconds(5));

        var findings = await ScalarAsync<long>(database, "SELECT count(*) FROM quality_findings");
        var findingKeys = await ScalarAsync<long>(database, "SELECT count(*) FROM (SELECT DISTINCT rule_id, entity, entity_key FROM quality_findings)");
        var scanInstants = await ScalarAsync<long>(database, "SELECT count(DISTINCT last_seen_at) FROM quality_findings");
        var scores = await ScalarAsync<long>(database, "SELECT count(*) FROM quality_scores");
        var scoreKeys = await ScalarAsync<long>(database, "SELECT count(*) FROM (SELECT DISTINCT day, domain FROM quality_scores)");
        var resumedLines = second.Output.Split('\n').Count(l => l.Contains($"Job {QualityScanJob.JobId} started at", StringComparison.Ordinal));
        output.WriteLine($"SQLite, demo data ({generated:N0} rows): the resumed scan started {startedAt.TotalSeconds:0.0} s after the first start, " +
                         $"killed at {killedAt.TotalSeconds:0.0} s with {findingsAtKill:N0} finding(s) and {scoresAtKill:N0} score row(s) stored");
        output.WriteLine($"restarted: the scan ran again at once and ended {finishedAfter.TotalSeconds:0.0} s after the restart; " +
                         $"{findings:N0} findings ({findingKeys:N0} distinct keys, last seen at {scanInstants} instant(s)), {scores} score rows ({scoreKeys} day/domain)");

        Assert.Equal(0, scoresAtKill);
        Assert.Equal(1, resumedLines);
        Assert.True(findings > 0, "the demo data has findings");
        Assert.Equal(findingKeys, findings);
        Assert.Equal(1, scanInstants);
        Assert.Equal(scoreKeys, scores);
    }

    private static Dictionary<string, string> Environment(string database) => new()
    {
        ["Monitoring__Storage__Provider"] = "Sqlite",
        ["Monitoring__Storage__SqlitePath"] = database,
        // The incremental scan would run a full scan of its own within two minutes of a first start.
        ["Monitoring__Scheduling__QualityIncrementalInterval"] = "1.00:00:00",
        ["Logging__LogLevel__Default"] = "Information",
    };

    private static async Task ExecuteAsync(string database, string sql, object parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.ExecuteAsync(sql, parameters);
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Default Timeout=30");
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
