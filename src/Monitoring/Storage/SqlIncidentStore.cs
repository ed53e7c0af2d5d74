using System.Data.Common;
using Dapper;
using Monitoring.Incidents;
using Monitoring.Probes;

namespace Monitoring.Storage;

/// <summary>Check states, incidents and availability rollups for both backends (see <see cref="SqlDialect"/>).</summary>
public sealed class SqlIncidentStore(IDbConnectionFactory database) : IIncidentStore
{
    private const string StateColumns =
        "check_id AS CheckId, status AS Status, since AS Since, consecutive_failures AS ConsecutiveFailures, " +
        "consecutive_successes AS ConsecutiveSuccesses, first_failure_at AS FirstFailureAt, last_evaluated_at AS LastEvaluatedAt, " +
        "transitions AS Transitions, in_maintenance AS InMaintenance, flapping AS Flapping, alert_held_back AS AlertHeldBack";

    private const string IncidentColumns =
        "id AS Id, check_id AS CheckId, failure_class AS FailureClass, first_message AS FirstMessage, last_message AS LastMessage, " +
        "first_failure_at AS FirstFailureAt, detected_at AS DetectedAt, notified_at AS NotifiedAt, acknowledged_at AS AcknowledgedAt, " +
        "acknowledged_by AS AcknowledgedBy, resolved_at AS ResolvedAt, held_back_because AS HeldBackBecause";

    private SqlDialect Dialect => database.Dialect;

    public async Task<CheckState?> GetStateAsync(string checkId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            $"SELECT {StateColumns} FROM check_states WHERE check_id = @CheckId", new { CheckId = checkId }, cancellationToken: cancellationToken));
        return row is null ? null : ToState(row);
    }

    public async Task<IReadOnlyList<CheckState>> ListStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(
            $"SELECT {StateColumns} FROM check_states ORDER BY check_id", cancellationToken: cancellationToken));
        return rows.Select(ToState).ToList();
    }

    public async Task SaveEvaluationAsync(CheckState state, IReadOnlyList<AvailabilitySlice> slices, IReadOnlyList<CheckEvent> events,
        string lastMessage, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertStateAsync(connection, transaction, state, cancellationToken);
        foreach (var slice in slices)
            await AddSliceAsync(connection, transaction, state.CheckId, slice, cancellationToken);

        foreach (var change in events)
        {
            switch (change)
            {
                case IncidentOpened opened:
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO incidents (check_id, failure_class, first_message, last_message, first_failure_at, detected_at, held_back_because)
                        VALUES (@CheckId, @FailureClass, @Message, @Message, @FirstFailureAt, @DetectedAt, @HeldBack)
                        """,
                        new
                        {
                            opened.CheckId, FailureClass = ProbeNames.Of(opened.Failure), opened.Message,
                            FirstFailureAt = Dialect.Timestamp(opened.FirstFailureAt), DetectedAt = Dialect.Timestamp(opened.At),
                            HeldBack = opened.HeldBackBecause,
                        }, transaction, cancellationToken: cancellationToken));
                    break;
                case IncidentResolved resolved:
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE incidents SET resolved_at = @At, last_message = @Message WHERE check_id = @CheckId AND resolved_at IS NULL",
                        new { resolved.CheckId, At = Dialect.Timestamp(resolved.At), resolved.Message }, transaction, cancellationToken: cancellationToken));
                    break;
                case IncidentAlertReleased released:
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE incidents SET held_back_because = NULL WHERE check_id = @CheckId AND resolved_at IS NULL",
                        new { released.CheckId }, transaction, cancellationToken: cancellationToken));
                    break;
            }
        }
        if (state.IsDown && !events.OfType<IncidentOpened>().Any())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE incidents SET last_message = @Message WHERE check_id = @CheckId AND resolved_at IS NULL",
                new { state.CheckId, Message = lastMessage }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Incident>> ListIncidentsAsync(string? checkId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            $"""
            SELECT {IncidentColumns} FROM incidents
            WHERE @CheckId IS NULL OR check_id = @CheckId
            ORDER BY detected_at DESC, id DESC LIMIT @Limit
            """, new { CheckId = checkId, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(ToIncident).ToList();
    }

    public async Task<Incident?> GetIncidentAsync(long id, CancellationToken cancellationToken) =>
        await SingleIncidentAsync("id = @Id", new { Id = id }, cancellationToken);

    public async Task<Incident?> GetOpenIncidentAsync(string checkId, CancellationToken cancellationToken) =>
        await SingleIncidentAsync("check_id = @CheckId AND resolved_at IS NULL", new { CheckId = checkId }, cancellationToken);

    public async Task MarkNotifiedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE incidents SET notified_at = @At WHERE id = @Id AND notified_at IS NULL",
            new { Id = id, At = Dialect.Timestamp(at) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE incidents SET acknowledged_at = @At, acknowledged_by = @By
            WHERE id = @Id AND resolved_at IS NULL AND acknowledged_at IS NULL
            """, new { Id = id, By = by, At = Dialect.Timestamp(at) }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<AvailabilityTotals> AvailabilityAsync(string checkId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<TotalsRow>(new CommandDefinition(
            """
            SELECT COALESCE(SUM(up_ms), 0) AS UpMs, COALESCE(SUM(degraded_ms), 0) AS DegradedMs, COALESCE(SUM(down_ms), 0) AS DownMs,
                   COALESCE(SUM(maintenance_ms), 0) AS MaintenanceMs, COALESCE(SUM(unknown_ms), 0) AS UnknownMs
            FROM availability_hourly WHERE check_id = @CheckId AND hour_start >= @From AND hour_start < @To
            """, new { CheckId = checkId, From = Dialect.Timestamp(from), To = Dialect.Timestamp(to) }, cancellationToken: cancellationToken));
        return new AvailabilityTotals(TimeSpan.FromMilliseconds(row.UpMs), TimeSpan.FromMilliseconds(row.DegradedMs),
            TimeSpan.FromMilliseconds(row.DownMs), TimeSpan.FromMilliseconds(row.MaintenanceMs), TimeSpan.FromMilliseconds(row.UnknownMs));
    }

    private async Task<Incident?> SingleIncidentAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(
            $"SELECT {IncidentColumns} FROM incidents WHERE {where}", parameters, cancellationToken: cancellationToken));
        return row is null ? null : ToIncident(row);
    }

    private Task UpsertStateAsync(DbConnection connection, DbTransaction transaction, CheckState state, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO check_states (check_id, status, since, consecutive_failures, consecutive_successes, first_failure_at,
                                      last_evaluated_at, transitions, in_maintenance, flapping, alert_held_back)
            VALUES (@CheckId, @Status, @Since, @Failures, @Successes, @FirstFailureAt, @LastEvaluatedAt, @Transitions,
                    @InMaintenance, @Flapping, @AlertHeldBack)
            ON CONFLICT (check_id) DO UPDATE SET
                status = excluded.status, since = excluded.since, consecutive_failures = excluded.consecutive_failures,
                consecutive_successes = excluded.consecutive_successes, first_failure_at = excluded.first_failure_at,
                last_evaluated_at = excluded.last_evaluated_at, transitions = excluded.transitions,
                in_maintenance = excluded.in_maintenance, flapping = excluded.flapping, alert_held_back = excluded.alert_held_back
            """,
            new
            {
                state.CheckId, Status = state.Status.ToString(), Since = Dialect.Timestamp(state.Since),
                Failures = state.ConsecutiveFailures, Successes = state.ConsecutiveSuccesses,
                FirstFailureAt = Optional(state.FirstFailureAt), LastEvaluatedAt = Optional(state.LastEvaluatedAt),
                Transitions = string.Join(',', state.Transitions.Select(t => t.ToUnixTimeMilliseconds())),
                state.InMaintenance, state.Flapping, state.AlertHeldBack,
            }, transaction, cancellationToken: cancellationToken));

    private Task AddSliceAsync(DbConnection connection, DbTransaction transaction, string checkId, AvailabilitySlice slice,
        CancellationToken cancellationToken)
    {
        var column = slice.Category switch
        {
            TimeCategory.Up => "up_ms",
            TimeCategory.Degraded => "degraded_ms",
            TimeCategory.Down => "down_ms",
            TimeCategory.Maintenance => "maintenance_ms",
            _ => "unknown_ms",
        };
        return connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO availability_hourly (check_id, hour_start, {column}) VALUES (@CheckId, @HourStart, @Ms)
            ON CONFLICT (check_id, hour_start) DO UPDATE SET {column} = availability_hourly.{column} + excluded.{column}
            """, new { CheckId = checkId, HourStart = Dialect.Timestamp(slice.HourStart), Ms = slice.Duration.TotalMilliseconds },
            transaction, cancellationToken: cancellationToken));
    }

    private object? Optional(DateTimeOffset? value) => value is { } v ? Dialect.Timestamp(v) : null;

    private DateTimeOffset? ReadOptional(object? value) => value is null ? null : Dialect.ReadTimestamp(value);

    private CheckState ToState(StateRow row) => new(
        row.CheckId, Enum.Parse<CheckStatus>(row.Status), Dialect.ReadTimestamp(row.Since), row.ConsecutiveFailures,
        row.ConsecutiveSuccesses, ReadOptional(row.FirstFailureAt), ReadOptional(row.LastEvaluatedAt),
        row.Transitions.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t))).ToList(),
        Convert.ToBoolean(row.InMaintenance), Convert.ToBoolean(row.Flapping), Convert.ToBoolean(row.AlertHeldBack));

    private Incident ToIncident(IncidentRow row) => new(
        row.Id, row.CheckId, ProbeNames.ParseFailure(row.FailureClass), row.FirstMessage, row.LastMessage,
        Dialect.ReadTimestamp(row.FirstFailureAt), Dialect.ReadTimestamp(row.DetectedAt), ReadOptional(row.NotifiedAt),
        ReadOptional(row.AcknowledgedAt), row.AcknowledgedBy, ReadOptional(row.ResolvedAt), row.HeldBackBecause);

    private sealed class StateRow
    {
        public string CheckId { get; init; } = "";
        public string Status { get; init; } = "";
        public object Since { get; init; } = 0L;
        public int ConsecutiveFailures { get; init; }
        public int ConsecutiveSuccesses { get; init; }
        public object? FirstFailureAt { get; init; }
        public object? LastEvaluatedAt { get; init; }
        public string Transitions { get; init; } = "";
        public object InMaintenance { get; init; } = false;
        public object Flapping { get; init; } = false;
        public object AlertHeldBack { get; init; } = false;
    }

    private sealed class IncidentRow
    {
        public long Id { get; init; }
        public string CheckId { get; init; } = "";
        public string FailureClass { get; init; } = "";
        public string FirstMessage { get; init; } = "";
        public string LastMessage { get; init; } = "";
        public object FirstFailureAt { get; init; } = 0L;
        public object DetectedAt { get; init; } = 0L;
        public object? NotifiedAt { get; init; }
        public object? AcknowledgedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
        public object? ResolvedAt { get; init; }
        public string? HeldBackBecause { get; init; }
    }

    private sealed class TotalsRow
    {
        public double UpMs { get; init; }
        public double DegradedMs { get; init; }
        public double DownMs { get; init; }
        public double MaintenanceMs { get; init; }
        public double UnknownMs { get; init; }
    }
}
