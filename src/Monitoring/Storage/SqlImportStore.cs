using System.Text.Json;
using Dapper;
using Monitoring.Shop.Import;

namespace Monitoring.Storage;

/// <summary>Import runs and the quarantine on both backends, with one SQL text.</summary>
public sealed class SqlImportStore(IDbConnectionFactory database) : IImportStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SqlDialect Dialect => database.Dialect;

    public async Task<long> StartRunAsync(string source, string origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO import_runs (source, origin, started_at, status) VALUES (@Source, @Origin, @Now, 'running') RETURNING id",
            new { Source = source, Origin = origin, Now = Dialect.Timestamp(now) }, cancellationToken: cancellationToken));
    }

    public async Task FinishRunAsync(ImportReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE import_runs SET finished_at = @Now, status = @Status, read_rows = @Read, rejected = @Rejected,
                   report = {Dialect.Json("@Report")}, error = @Error
            WHERE id = @Id
            """,
            new
            {
                Id = report.RunId, Now = Dialect.Timestamp(now), Status = report.Succeeded ? "succeeded" : "failed",
                Read = report.RowsRead, Rejected = report.RowsRejected, Report = JsonSerializer.Serialize(report.Entities, Json),
                report.Error,
            }, cancellationToken: cancellationToken));
    }

    /// <remarks>
    /// A row already written by a newer run is left alone: when two imports of one file overlap (a scheduled run and a
    /// manual one), the older run's late write must not make the newer run's release delete a row it rejected.
    /// </remarks>
    public async Task QuarantineAsync(long runId, string source, string origin, IReadOnlyList<MappedRow> rejected, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (rejected.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quarantine (source, origin, line, entity, reason, raw, run_id, quarantined_at)
            VALUES (@Source, @Origin, @Line, @Entity, @Reason, {Dialect.Json("@Raw")}, @RunId, @Now)
            ON CONFLICT (source, origin, line) DO UPDATE SET entity = excluded.entity, reason = excluded.reason,
                raw = excluded.raw, run_id = excluded.run_id, quarantined_at = excluded.quarantined_at
            WHERE quarantine.run_id <= excluded.run_id
            """,
            rejected.Select(r => new
            {
                Source = source, Origin = origin, r.Line, Entity = r.RejectedEntity, Reason = r.Rejection ?? "rejected",
                Raw = JsonSerializer.Serialize(r.Raw ?? new Dictionary<string, string?>(), Json), RunId = runId,
                Now = Dialect.Timestamp(now),
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> ReleaseFixedAsync(string source, string origin, long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM quarantine WHERE source = @Source AND origin = @Origin AND run_id < @RunId",
            new { Source = source, Origin = origin, RunId = runId }, cancellationToken: cancellationToken));
    }

    /// <remarks>
    /// A run of the same origin that is in fact still going (two overlapping imports of one file) is marked too, but
    /// its own <see cref="FinishRunAsync"/> sets its real status when it ends.
    /// </remarks>
    public async Task<long> CloseInterruptedAsync(string source, string origin, long runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE import_runs SET status = 'interrupted', finished_at = @Now,
                   error = 'interrupted: the service stopped before this run ended; run ' || @RunText || ' imported the origin again'
            WHERE source = @Source AND origin = @Origin AND id < @RunId AND status = 'running'
            """,
            new { Source = source, Origin = origin, RunId = runId, RunText = runId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Now = Dialect.Timestamp(now) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<QuarantinedRow>> ListQuarantineAsync(string? source, int limit, long? beforeId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuarantineRow>(new CommandDefinition(
            """
            SELECT id AS Id, source AS Source, origin AS Origin, line AS Line, entity AS Entity, reason AS Reason,
                   CAST(raw AS text) AS Raw, run_id AS RunId, quarantined_at AS QuarantinedAt
            FROM quarantine
            WHERE (@Source IS NULL OR source = @Source) AND (@Before IS NULL OR id < @Before)
            ORDER BY id DESC
            LIMIT @Limit
            """,
            new { Source = source, Before = beforeId, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new QuarantinedRow(r.Id, r.Source, r.Origin, r.Line, r.Entity, r.Reason,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Raw, Json) ?? [], r.RunId,
            Dialect.ReadTimestamp(r.QuarantinedAt))).ToList();
    }

    public async Task<long> CountQuarantineAsync(string? source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM quarantine WHERE @Source IS NULL OR source = @Source",
            new { Source = source }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ImportRun>> ListRunsAsync(string? source, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(
            """
            SELECT id AS Id, source AS Source, origin AS Origin, started_at AS StartedAt, finished_at AS FinishedAt,
                   status AS Status, read_rows AS RowsRead, rejected AS RowsRejected, CAST(report AS text) AS Report, error AS Error
            FROM import_runs
            WHERE @Source IS NULL OR source = @Source
            ORDER BY id DESC
            LIMIT @Limit
            """,
            new { Source = source, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new ImportRun(r.Id, r.Source, r.Origin, Dialect.ReadTimestamp(r.StartedAt),
            r.FinishedAt is null ? null : Dialect.ReadTimestamp(r.FinishedAt), r.Status, r.RowsRead, r.RowsRejected, r.Report,
            r.Error)).ToList();
    }

    private sealed class QuarantineRow
    {
        public long Id { get; init; }
        public string Source { get; init; } = "";
        public string Origin { get; init; } = "";
        public long Line { get; init; }
        public string? Entity { get; init; }
        public string Reason { get; init; } = "";
        public string Raw { get; init; } = "{}";
        public long RunId { get; init; }
        public object QuarantinedAt { get; init; } = null!;
    }

    private sealed class RunRow
    {
        public long Id { get; init; }
        public string Source { get; init; } = "";
        public string Origin { get; init; } = "";
        public object StartedAt { get; init; } = null!;
        public object? FinishedAt { get; init; }
        public string Status { get; init; } = "";
        public long RowsRead { get; init; }
        public long RowsRejected { get; init; }
        public string? Report { get; init; }
        public string? Error { get; init; }
    }
}
