using Dapper;
using Monitoring.Probes;
using Monitoring.Scenarios;

namespace Monitoring.Storage;

/// <summary>The scenario store for both backends: one SQL text, the <see cref="SqlDialect"/> for timestamps and ids.</summary>
public sealed class SqlScenarioStore(IDbConnectionFactory database) : IScenarioStore
{
    private const string Columns =
        "s.run_id AS RunId, s.started_at AS StartedAt, s.step_index AS StepIndex, s.step_id AS StepId, s.step_name AS StepName, " +
        "s.outcome AS Outcome, s.status_code AS StatusCode, s.offset_ms AS OffsetMs, s.duration_ms AS DurationMs, " +
        "s.failure_class AS FailureClass, s.message AS Message, s.excerpt AS Excerpt";

    private SqlDialect Dialect => database.Dialect;

    public async Task RecordAsync(Guid runId, string scenarioId, DateTimeOffset startedAt, IReadOnlyList<StepResult> steps,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var step in steps)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO scenario_step_results (run_id, step_index, scenario_id, started_at, step_id, step_name, outcome,
                                                   status_code, offset_ms, duration_ms, failure_class, message, excerpt)
                VALUES (@RunId, @StepIndex, @ScenarioId, @StartedAt, @StepId, @StepName, @Outcome,
                        @StatusCode, @OffsetMs, @DurationMs, @FailureClass, @Message, @Excerpt)
                ON CONFLICT (run_id, step_index) DO NOTHING
                """,
                new
                {
                    RunId = Dialect.Id(runId),
                    StepIndex = step.Index,
                    ScenarioId = scenarioId,
                    StartedAt = Dialect.Timestamp(startedAt),
                    step.StepId,
                    StepName = step.Name,
                    Outcome = StepResult.NameOf(step.Outcome),
                    step.StatusCode,
                    OffsetMs = step.Offset.TotalMilliseconds,
                    DurationMs = step.Duration.TotalMilliseconds,
                    FailureClass = ProbeNames.Of(step.Failure),
                    step.Message,
                    step.Excerpt,
                }, transaction, cancellationToken: cancellationToken));
        }
        foreach (var step in steps.Where(s => s.Screenshot is { Length: > 0 }))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO scenario_step_screenshots (run_id, step_index, scenario_id, started_at, png)
                VALUES (@RunId, @StepIndex, @ScenarioId, @StartedAt, @Png)
                ON CONFLICT (run_id, step_index) DO NOTHING
                """,
                new
                {
                    RunId = Dialect.Id(runId),
                    StepIndex = step.Index,
                    ScenarioId = scenarioId,
                    StartedAt = Dialect.Timestamp(startedAt),
                    Png = step.Screenshot,
                }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StepResult>> StepsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StepRow>(new CommandDefinition(
            $"SELECT {Columns} FROM scenario_step_results s WHERE s.run_id = @RunId ORDER BY s.step_index",
            new { RunId = Dialect.Id(runId) }, cancellationToken: cancellationToken));
        return rows.Select(ToStep).ToList();
    }

    public async Task<ScenarioRunSteps?> LastRunAsync(string scenarioId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The latest run through the (scenario_id, started_at) index, then its steps by primary key.
        var rows = (await connection.QueryAsync<StepRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM scenario_step_results s
            WHERE s.run_id = (SELECT x.run_id FROM scenario_step_results x WHERE x.scenario_id = @ScenarioId
                              ORDER BY x.started_at DESC LIMIT 1)
            ORDER BY s.step_index
            """, new { ScenarioId = scenarioId }, cancellationToken: cancellationToken))).ToList();
        return rows.Count == 0
            ? null
            : new ScenarioRunSteps(Dialect.ReadId(rows[0].RunId), Dialect.ReadTimestamp(rows[0].StartedAt), rows.Select(ToStep).ToList());
    }

    public async Task<StepScreenshot?> ScreenshotAsync(string scenarioId, Guid? runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ScreenshotRow>(new CommandDefinition(
            runId is null
                ? """
                  SELECT run_id AS RunId, step_index AS StepIndex, started_at AS StartedAt, png AS Png FROM scenario_step_screenshots
                  WHERE scenario_id = @ScenarioId ORDER BY started_at DESC, step_index LIMIT 1
                  """
                : """
                  SELECT run_id AS RunId, step_index AS StepIndex, started_at AS StartedAt, png AS Png FROM scenario_step_screenshots
                  WHERE scenario_id = @ScenarioId AND run_id = @RunId ORDER BY step_index LIMIT 1
                  """,
            new { ScenarioId = scenarioId, RunId = runId is { } id ? Dialect.Id(id) : null }, cancellationToken: cancellationToken));
        return row is null ? null : new StepScreenshot(Dialect.ReadId(row.RunId), row.StepIndex, Dialect.ReadTimestamp(row.StartedAt), row.Png);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var cutoffValue = new { Cutoff = Dialect.Timestamp(cutoff) };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scenario_step_screenshots WHERE started_at < @Cutoff", cutoffValue, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scenario_step_results WHERE started_at < @Cutoff", cutoffValue, cancellationToken: cancellationToken));
    }

    private static StepResult ToStep(StepRow row) => new(row.StepIndex, row.StepId, row.StepName, StepResult.ParseOutcome(row.Outcome),
        row.StatusCode is null ? null : Convert.ToInt32(row.StatusCode), TimeSpan.FromMilliseconds(row.OffsetMs),
        TimeSpan.FromMilliseconds(row.DurationMs), row.Message, row.Excerpt)
    {
        Failure = ProbeNames.ParseFailure(row.FailureClass),
    };

    private sealed class ScreenshotRow
    {
        public object RunId { get; init; } = "";
        public object StartedAt { get; init; } = 0L;
        public int StepIndex { get; init; }
        public byte[] Png { get; init; } = [];
    }

    private sealed class StepRow
    {
        public object RunId { get; init; } = "";
        public object StartedAt { get; init; } = 0L;
        public int StepIndex { get; init; }
        public string StepId { get; init; } = "";
        public string StepName { get; init; } = "";
        public string Outcome { get; init; } = "";
        public object? StatusCode { get; init; }
        public double OffsetMs { get; init; }
        public double DurationMs { get; init; }
        public string FailureClass { get; init; } = "none";
        public string Message { get; init; } = "";
        public string? Excerpt { get; init; }
    }
}
