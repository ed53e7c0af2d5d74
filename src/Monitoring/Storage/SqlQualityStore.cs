using System.Globalization;
using System.Text.Json;
using Dapper;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;
using Npgsql;
using NpgsqlTypes;

namespace Monitoring.Storage;

/// <summary>The quality findings and daily scores on both backends, with one SQL text. Enums are stored by their
/// lower-case names, so that the tables read well in a SQL shell.</summary>
public sealed class SqlQualityStore(IDbConnectionFactory database) : IQualityStore
{
    private const string Columns = """
        rule_id AS RuleId, entity AS Entity, entity_key AS EntityKey, status AS Status, severity AS Severity,
        dimension AS Dimension, field AS Field, value AS Value, message AS Message, fix AS Fix, team AS Team,
        priority AS Priority, fingerprint AS Fingerprint, first_seen_at AS FirstSeenAt, last_seen_at AS LastSeenAt,
        resolved_at AS ResolvedAt, reopen_count AS ReopenCount, acknowledged_by AS AcknowledgedBy,
        ignore_reason AS IgnoreReason, ignored_until AS IgnoredUntil
        """;

    private const string Filter = """
        (@RuleId IS NULL OR rule_id = @RuleId) AND (@Severity IS NULL OR severity = @Severity)
        AND (@Team IS NULL OR team = @Team) AND ((@Status IS NULL AND status <> 'resolved') OR status = @Status)
        """;

    private SqlDialect Dialect => database.Dialect;

    public async Task<IReadOnlyList<FindingState>> LoadStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM quality_findings", cancellationToken: cancellationToken));
        return rows.Select(ToState).ToList();
    }

    public async Task UpsertAsync(IReadOnlyList<FindingState> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connection is NpgsqlConnection npgsql) await CopyUpsertAsync(npgsql, findings, cancellationToken);
        else
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO quality_findings ({InsertColumns})
                VALUES (@RuleId, @Entity, @Key, @Status, @Severity, @Dimension, @Field, @Value, @Message, @Fix, @Team, @Priority,
                    @Fingerprint, @FirstSeenAt, @LastSeenAt, @ResolvedAt, @ReopenCount, @AcknowledgedBy, @IgnoreReason, @IgnoredUntil)
                {OnConflictUpdate}
                """,
                findings.Select(f => new
                {
                    f.RuleId, f.Entity, f.Key, Status = Name(f.Status), Severity = QualityNames.Name(f.Severity),
                    Dimension = QualityNames.Name(f.Dimension), f.Field, f.Value, f.Message, f.Fix, f.Team, f.Priority, f.Fingerprint,
                    FirstSeenAt = Dialect.Timestamp(f.FirstSeenAt), LastSeenAt = Dialect.Timestamp(f.LastSeenAt),
                    ResolvedAt = Timestamp(f.ResolvedAt), f.ReopenCount, f.AcknowledgedBy, f.IgnoreReason, IgnoredUntil = Timestamp(f.IgnoredUntil),
                }),
                transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private const string InsertColumns = """
        rule_id, entity, entity_key, status, severity, dimension, field, value, message, fix, team, priority, fingerprint,
        first_seen_at, last_seen_at, resolved_at, reopen_count, acknowledged_by, ignore_reason, ignored_until
        """;

    private const string OnConflictUpdate = """
        ON CONFLICT (rule_id, entity, entity_key) DO UPDATE SET status = excluded.status, severity = excluded.severity,
            dimension = excluded.dimension, field = excluded.field, value = excluded.value, message = excluded.message,
            fix = excluded.fix, team = excluded.team, priority = excluded.priority, fingerprint = excluded.fingerprint,
            first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at, resolved_at = excluded.resolved_at,
            reopen_count = excluded.reopen_count, acknowledged_by = excluded.acknowledged_by,
            ignore_reason = excluded.ignore_reason, ignored_until = excluded.ignored_until
        """;

    /// <summary>PostgreSQL: the findings go through binary COPY into a temporary table and then one INSERT … ON
    /// CONFLICT, instead of a statement each: a full scan of a million products changes over a hundred thousand.
    /// A key given twice keeps its last state, as the statement-per-row upsert did.</summary>
    private static async Task CopyUpsertAsync(NpgsqlConnection connection, IReadOnlyList<FindingState> findings, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string, string, string), FindingState>(findings.Count);
        foreach (var f in findings) last[(f.RuleId, f.Entity, f.Key)] = f;
        await using (var create = new NpgsqlCommand(
            "CREATE TEMPORARY TABLE quality_findings_incoming (LIKE quality_findings INCLUDING DEFAULTS) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY quality_findings_incoming ({InsertColumns}) FROM STDIN (FORMAT binary)", cancellationToken))
        {
            foreach (var f in last.Values)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(f.RuleId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(f.Entity, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(f.Key, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Name(f.Status), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(QualityNames.Name(f.Severity), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(QualityNames.Name(f.Dimension), NpgsqlDbType.Text, cancellationToken);
                await Text(f.Field);
                await Text(f.Value);
                await copy.WriteAsync(f.Message, NpgsqlDbType.Text, cancellationToken);
                await Text(f.Fix);
                await Text(f.Team);
                await copy.WriteAsync(f.Priority, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(f.Fingerprint, NpgsqlDbType.Text, cancellationToken);
                await Instant(f.FirstSeenAt);
                await Instant(f.LastSeenAt);
                await Instant(f.ResolvedAt);
                await copy.WriteAsync(f.ReopenCount, NpgsqlDbType.Integer, cancellationToken);
                await Text(f.AcknowledgedBy);
                await Text(f.IgnoreReason);
                await Instant(f.IgnoredUntil);
            }
            await copy.CompleteAsync(cancellationToken);

            Task Text(string? value) => value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
            Task Instant(DateTimeOffset? value) => value is { } v
                ? copy.WriteAsync(v.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken)
                : copy.WriteNullAsync(cancellationToken);
        }
        await using var upsert = new NpgsqlCommand(
            $"INSERT INTO quality_findings ({InsertColumns}) SELECT {InsertColumns} FROM quality_findings_incoming {OnConflictUpdate}", connection)
        {
            CommandTimeout = 600,
        };
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<FindingState?> GetAsync(string ruleId, string entity, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FindingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM quality_findings WHERE rule_id = @RuleId AND entity = @Entity AND entity_key = @Key",
            new { RuleId = ruleId, Entity = entity, Key = key }, cancellationToken: cancellationToken));
        return row is null ? null : ToState(row);
    }

    public async Task<IReadOnlyList<FindingState>> ListAsync(FindingQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM quality_findings
            WHERE {Filter}
            ORDER BY priority DESC, rule_id, entity, entity_key
            LIMIT @Limit OFFSET @Offset
            """,
            Parameters(query), cancellationToken: cancellationToken));
        return rows.Select(ToState).ToList();
    }

    public async Task<long> CountAsync(FindingQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM quality_findings WHERE {Filter}", Parameters(query), cancellationToken: cancellationToken));
    }

    public async Task<bool> SetWorkflowAsync(FindingState finding, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE quality_findings SET status = @Status, acknowledged_by = @AcknowledgedBy, ignore_reason = @IgnoreReason,
                   ignored_until = @IgnoredUntil
            WHERE rule_id = @RuleId AND entity = @Entity AND entity_key = @Key
            """,
            new
            {
                finding.RuleId, finding.Entity, finding.Key, Status = Name(finding.Status), finding.AcknowledgedBy,
                finding.IgnoreReason, IgnoredUntil = Timestamp(finding.IgnoredUntil),
            }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task SaveScoresAsync(DateOnly day, IReadOnlyList<DomainScore> scores, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (scores.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quality_scores (day, domain, score, grade, records, grades, blocker_share, computed_at)
            VALUES (@Day, @Domain, @Score, @Grade, @Records, {Dialect.Json("@Grades")}, @BlockerShare, @Now)
            ON CONFLICT (day, domain) DO UPDATE SET score = excluded.score, grade = excluded.grade, records = excluded.records,
                grades = excluded.grades, blocker_share = excluded.blocker_share, computed_at = excluded.computed_at
            """,
            scores.Select(s => new
            {
                Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Domain, s.Score, Grade = s.Grade.ToString(), s.Records,
                Grades = JsonSerializer.Serialize(s.Grades.ToDictionary(g => g.Key.ToString(), g => g.Value)), s.BlockerShare,
                Now = Dialect.Timestamp(now),
            }), cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<QualityScoreDay>> ListScoresAsync(DateOnly since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScoreRow>(new CommandDefinition(
            """
            SELECT day AS Day, domain AS Domain, score AS Score, grade AS Grade, records AS Records, CAST(grades AS text) AS Grades,
                   blocker_share AS BlockerShare
            FROM quality_scores WHERE day >= @Since ORDER BY day, domain
            """,
            new { Since = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return rows.Select(r => new QualityScoreDay(
            DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Domain, Convert.ToDouble(r.Score, CultureInfo.InvariantCulture),
            Enum.Parse<QualityGrade>(r.Grade), Convert.ToInt32(r.Records, CultureInfo.InvariantCulture),
            (JsonSerializer.Deserialize<Dictionary<string, int>>(r.Grades) ?? []).ToDictionary(g => Enum.Parse<QualityGrade>(g.Key), g => g.Value),
            Convert.ToDouble(r.BlockerShare, CultureInfo.InvariantCulture))).ToList();
    }

    public async Task<IReadOnlyList<FindingState>> ListRecordAsync(string entity, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM quality_findings WHERE entity = @Entity AND entity_key = @Key ORDER BY priority DESC, rule_id",
            new { Entity = entity, Key = key }, cancellationToken: cancellationToken));
        return rows.Select(ToState).ToList();
    }

    public async Task<IReadOnlyList<FindingState>> ListTeamAsync(string team, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM quality_findings
            WHERE team = @Team AND (status <> 'resolved' OR first_seen_at >= @Since OR resolved_at >= @Since)
            ORDER BY priority DESC, rule_id, entity, entity_key
            """,
            new { Team = team, Since = Dialect.Timestamp(since) }, cancellationToken: cancellationToken));
        return rows.Select(ToState).ToList();
    }

    /// <summary>The lower-case name a status is stored and filtered by.</summary>
    public static string Name(FindingStatus status) => status.ToString().ToLowerInvariant();

    private static object Parameters(FindingQuery query) => new
    {
        query.RuleId, Severity = query.Severity is { } s ? QualityNames.Name(s) : null, query.Team,
        Status = query.Status is { } status ? Name(status) : null, Limit = Math.Clamp(query.Limit, 1, 10_000), Offset = Math.Max(0, query.Offset),
    };

    private object? Timestamp(DateTimeOffset? value) => value is { } v ? Dialect.Timestamp(v) : null;

    private DateTimeOffset? ReadTimestamp(object? value) => value is null or DBNull ? null : Dialect.ReadTimestamp(value);

    private FindingState ToState(FindingRow r) => new()
    {
        RuleId = r.RuleId, Entity = r.Entity, Key = r.EntityKey, Status = Enum.Parse<FindingStatus>(r.Status, ignoreCase: true),
        Severity = Enum.Parse<QualitySeverity>(r.Severity, ignoreCase: true), Dimension = Enum.Parse<QualityDimension>(r.Dimension, ignoreCase: true),
        Field = r.Field, Value = r.Value, Message = r.Message, Fix = r.Fix, Team = r.Team,
        Priority = Convert.ToDouble(r.Priority, CultureInfo.InvariantCulture), Fingerprint = r.Fingerprint,
        FirstSeenAt = Dialect.ReadTimestamp(r.FirstSeenAt), LastSeenAt = Dialect.ReadTimestamp(r.LastSeenAt), ResolvedAt = ReadTimestamp(r.ResolvedAt),
        ReopenCount = Convert.ToInt32(r.ReopenCount, CultureInfo.InvariantCulture), AcknowledgedBy = r.AcknowledgedBy,
        IgnoreReason = r.IgnoreReason, IgnoredUntil = ReadTimestamp(r.IgnoredUntil),
    };

    private sealed class FindingRow
    {
        public string RuleId { get; init; } = "";
        public string Entity { get; init; } = "";
        public string EntityKey { get; init; } = "";
        public string Status { get; init; } = "";
        public string Severity { get; init; } = "";
        public string Dimension { get; init; } = "";
        public string? Field { get; init; }
        public string? Value { get; init; }
        public string Message { get; init; } = "";
        public string? Fix { get; init; }
        public string? Team { get; init; }
        public object Priority { get; init; } = 0d;
        public string Fingerprint { get; init; } = "";
        public object FirstSeenAt { get; init; } = null!;
        public object LastSeenAt { get; init; } = null!;
        public object? ResolvedAt { get; init; }
        public object ReopenCount { get; init; } = 0;
        public string? AcknowledgedBy { get; init; }
        public string? IgnoreReason { get; init; }
        public object? IgnoredUntil { get; init; }
    }

    private sealed class ScoreRow
    {
        public string Day { get; init; } = "";
        public string Domain { get; init; } = "";
        public object Score { get; init; } = 0d;
        public string Grade { get; init; } = "";
        public object Records { get; init; } = 0;
        public string Grades { get; init; } = "{}";
        public object BlockerShare { get; init; } = 0d;
    }
}
