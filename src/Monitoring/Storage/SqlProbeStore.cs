using System.Data.Common;
using System.Text.Json;
using Dapper;
using Monitoring.Probes;

namespace Monitoring.Storage;

/// <summary>
/// The probe store for both backends: the SQL below is the part SQLite and PostgreSQL agree on, and the
/// <see cref="SqlDialect"/> covers how timestamps, ids and JSON are written.
/// </summary>
public sealed class SqlProbeStore(IDbConnectionFactory database) : IProbeStore
{
    private const string ProbeColumns =
        "p.id AS Id, p.name AS Name, p.kind AS Kind, p.target AS Target, p.interval_ms AS IntervalMs, " +
        "p.timeout_ms AS TimeoutMs, p.team AS Team, p.source AS Source, p.updated_at AS UpdatedAt";

    private const string ResultColumns =
        "r.run_id AS RunId, r.probe_id AS ProbeId, r.started_at AS StartedAt, r.duration_ms AS DurationMs, " +
        "r.outcome AS Outcome, r.status_code AS StatusCode, r.message AS Message, r.failure_class AS FailureClass, " +
        "r.resolve_ms AS ResolveMs, r.connect_ms AS ConnectMs, r.tls_ms AS TlsMs, r.processing_ms AS ProcessingMs, " +
        "r.transfer_ms AS TransferMs, r.cert_expires_at AS CertExpiresAt";

    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web);

    private SqlDialect Dialect => database.Dialect;

    public async Task SyncDefinitionsAsync(IReadOnlyList<ProbeDefinition> probes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var upsert = $"""
            INSERT INTO probes (id, name, kind, target, interval_ms, timeout_ms, team, source, settings_json, active, updated_at)
            VALUES (@Id, @Name, @Kind, @Target, @IntervalMs, @TimeoutMs, @Team, @Source, {Dialect.Json("@SettingsJson")}, true, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, kind = excluded.kind, target = excluded.target, interval_ms = excluded.interval_ms,
                timeout_ms = excluded.timeout_ms, team = excluded.team, source = excluded.source,
                settings_json = excluded.settings_json, active = true, updated_at = excluded.updated_at
            """;
        foreach (var probe in probes)
        {
            await connection.ExecuteAsync(new CommandDefinition(upsert, new
            {
                probe.Id,
                probe.Name,
                probe.Kind,
                probe.Settings.Target,
                IntervalMs = (long)probe.Interval.TotalMilliseconds,
                TimeoutMs = (long)probe.Timeout.TotalMilliseconds,
                probe.Team,
                probe.Source,
                SettingsJson = JsonSerializer.Serialize(probe.Settings, probe.Settings.GetType(), SettingsJson),
                UpdatedAt = Dialect.Timestamp(now),
            }, transaction, cancellationToken: cancellationToken));
        }
        // Deactivated one by one: list parameters differ between the dialects, and removals are few.
        var wanted = probes.Select(p => p.Id).ToHashSet();
        var active = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM probes WHERE active = true", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var removed in active.Where(id => !wanted.Contains(id)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE probes SET active = false, updated_at = @UpdatedAt WHERE id = @Id",
                new { Id = removed, UpdatedAt = Dialect.Timestamp(now) }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredProbe>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProbeRow>(new CommandDefinition(
            $"SELECT {ProbeColumns} FROM probes p WHERE p.active = true ORDER BY p.id", cancellationToken: cancellationToken));
        return rows.Select(ToProbe).ToList();
    }

    public async Task RecordAsync(ProbeResult result, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO probe_results (run_id, probe_id, started_at, duration_ms, outcome, status_code, message, failure_class,
                                       resolve_ms, connect_ms, tls_ms, processing_ms, transfer_ms, cert_expires_at)
            VALUES (@RunId, @ProbeId, @StartedAt, @DurationMs, @Outcome, @StatusCode, @Message, @FailureClass,
                    @ResolveMs, @ConnectMs, @TlsMs, @ProcessingMs, @TransferMs, @CertExpiresAt)
            ON CONFLICT (run_id) DO NOTHING
            """,
            new
            {
                RunId = Dialect.Id(result.RunId),
                result.ProbeId,
                StartedAt = Dialect.Timestamp(result.StartedAt),
                DurationMs = result.Duration.TotalMilliseconds,
                Outcome = ProbeNames.Of(result.Outcome),
                result.StatusCode,
                result.Message,
                FailureClass = ProbeNames.Of(result.Failure),
                ResolveMs = Phase(result, "resolve"),
                ConnectMs = Phase(result, "connect"),
                TlsMs = Phase(result, "tls"),
                ProcessingMs = Phase(result, "processing"),
                TransferMs = Phase(result, "transfer"),
                CertExpiresAt = result.CertificateExpiresAt is { } expiry ? Dialect.Timestamp(expiry) : null,
            }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ProbeSummary>> SummariseAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sinceValue = Dialect.Timestamp(since);
        var counts = await connection.QueryAsync<CountRow>(new CommandDefinition(
            """
            SELECT r.probe_id AS ProbeId, COUNT(*) AS Runs,
                   SUM(CASE WHEN r.outcome <> 'fail' THEN 1 ELSE 0 END) AS Passed
            FROM probe_results r JOIN probes p ON p.id = r.probe_id
            WHERE p.active = true AND r.started_at >= @Since
            GROUP BY r.probe_id
            """, new { Since = sinceValue }, cancellationToken: cancellationToken));
        // The latest run per probe through the (probe_id, started_at) index: one short index scan per probe.
        var latest = await connection.QueryAsync<ResultRow>(new CommandDefinition(
            $"""
            SELECT {ResultColumns}
            FROM probes p JOIN probe_results r ON r.run_id = (
                SELECT x.run_id FROM probe_results x WHERE x.probe_id = p.id ORDER BY x.started_at DESC LIMIT 1)
            WHERE p.active = true
            """, cancellationToken: cancellationToken));
        var probes = await connection.QueryAsync<ProbeRow>(new CommandDefinition(
            $"SELECT {ProbeColumns} FROM probes p WHERE p.active = true ORDER BY p.id", cancellationToken: cancellationToken));

        var countByProbe = counts.ToDictionary(c => c.ProbeId);
        var latestByProbe = latest.ToDictionary(r => r.ProbeId, ToResult);
        return probes.Select(row =>
        {
            countByProbe.TryGetValue(row.Id, out var count);
            return new ProbeSummary(ToProbe(row), latestByProbe.GetValueOrDefault(row.Id),
                (int)(count?.Runs ?? 0), (int)(count?.Passed ?? 0));
        }).ToList();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>>> UpDurationsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ProbeId, double DurationMs)>(new CommandDefinition(
            """
            SELECT r.probe_id, r.duration_ms FROM probe_results r JOIN probes p ON p.id = r.probe_id
            WHERE p.active = true AND r.started_at >= @Since AND r.outcome <> 'fail'
            """, new { Since = Dialect.Timestamp(since) }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.ProbeId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<TimeSpan>)g.Select(r => TimeSpan.FromMilliseconds(r.DurationMs)).ToList());
    }

    public async Task<int> DeleteResultsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM probe_results WHERE started_at < @Cutoff", new { Cutoff = Dialect.Timestamp(cutoff) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ProbeResult>> ResultsAsync(string probeId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ResultRow>(new CommandDefinition(
            $"""
            SELECT {ResultColumns} FROM probe_results r
            WHERE r.probe_id = @ProbeId AND r.started_at >= @From AND r.started_at < @To
            ORDER BY r.started_at
            """, new { ProbeId = probeId, From = Dialect.Timestamp(from), To = Dialect.Timestamp(to) },
            cancellationToken: cancellationToken));
        return rows.Select(ToResult).ToList();
    }

    private StoredProbe ToProbe(ProbeRow row) => new(row.Id, row.Name, row.Kind, row.Target,
        TimeSpan.FromMilliseconds(row.IntervalMs), TimeSpan.FromMilliseconds(row.TimeoutMs), row.Team, row.Source,
        Dialect.ReadTimestamp(row.UpdatedAt));

    private static double? Phase(ProbeResult result, string phase) =>
        result.Phases.TryGetValue(phase, out var duration) ? duration.TotalMilliseconds : null;

    private ProbeResult ToResult(ResultRow row)
    {
        var phases = new Dictionary<string, TimeSpan>();
        foreach (var (name, ms) in new[] { ("resolve", row.ResolveMs), ("connect", row.ConnectMs), ("tls", row.TlsMs),
                     ("processing", row.ProcessingMs), ("transfer", row.TransferMs) })
        {
            if (ms is { } value) phases[name] = TimeSpan.FromMilliseconds(value);
        }
        return new ProbeResult(Dialect.ReadId(row.RunId), row.ProbeId, Dialect.ReadTimestamp(row.StartedAt),
            TimeSpan.FromMilliseconds(row.DurationMs), ProbeNames.ParseOutcome(row.Outcome),
            row.StatusCode is null ? null : Convert.ToInt32(row.StatusCode), row.Message)
        {
            Failure = ProbeNames.ParseFailure(row.FailureClass),
            Phases = phases,
            CertificateExpiresAt = row.CertExpiresAt is null ? null : Dialect.ReadTimestamp(row.CertExpiresAt),
        };
    }

    private sealed class ProbeRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Target { get; init; } = "";
        public long IntervalMs { get; init; }
        public long TimeoutMs { get; init; }
        public string? Team { get; init; }
        public string Source { get; init; } = "";
        public object UpdatedAt { get; init; } = 0L;
    }

    private sealed class ResultRow
    {
        public object RunId { get; init; } = "";
        public string ProbeId { get; init; } = "";
        public object StartedAt { get; init; } = 0L;
        public double DurationMs { get; init; }
        public string Outcome { get; init; } = "";
        public object? StatusCode { get; init; }
        public string Message { get; init; } = "";
        public string FailureClass { get; init; } = "none";
        public double? ResolveMs { get; init; }
        public double? ConnectMs { get; init; }
        public double? TlsMs { get; init; }
        public double? ProcessingMs { get; init; }
        public double? TransferMs { get; init; }
        public object? CertExpiresAt { get; init; }
    }

    private sealed class CountRow
    {
        public string ProbeId { get; init; } = "";
        public long Runs { get; init; }
        public long Passed { get; init; }
    }
}
