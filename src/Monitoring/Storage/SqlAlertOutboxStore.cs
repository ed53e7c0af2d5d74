using Dapper;
using Monitoring.Alerting;

namespace Monitoring.Storage;

/// <summary>
/// The alert outbox on both backends. Claiming is one UPDATE that re-checks the lease in its own WHERE clause, so two
/// instances can never both hold a row: on PostgreSQL the second waits for the first's row lock and then finds the
/// lease taken (and <c>SKIP LOCKED</c> spares it the wait); on SQLite writers are serialised anyway.
/// </summary>
public sealed class SqlAlertOutboxStore(IDbConnectionFactory database) : IAlertOutboxStore
{
    private const string EntryColumns =
        "id AS Id, incident_id AS IncidentId, channel AS Channel, kind AS Kind, dedup_key AS DedupKey, recipient AS Recipient, " +
        "status AS Status, due_at AS DueAt, sent_at AS SentAt, message_id AS MessageId, attempts AS Attempts, last_error AS LastError";

    private const string MessageColumns = EntryColumns +
        ", check_id AS CheckId, subject AS Subject, text_body AS TextBody, html_body AS HtmlBody, chart_png AS ChartPng, screenshot_png AS ScreenshotPng, " +
        "in_reply_to AS InReplyTo, created_at AS CreatedAt";

    private SqlDialect Dialect => database.Dialect;

    public async Task<int> AddAsync(IReadOnlyList<NewNotification> notifications, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0) return 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var n in notifications)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO alert_outbox (incident_id, check_id, channel, kind, dedup_key, recipient, subject, text_body, html_body,
                                          chart_png, screenshot_png, message_id, in_reply_to, created_at, due_at, next_attempt_at)
                VALUES (@IncidentId, @CheckId, @Channel, @Kind, @Key, @Recipient, @Subject, @TextBody, @HtmlBody,
                        @Chart, @Screenshot, @MessageId, @InReplyTo, @CreatedAt, @DueAt, @DueAt)
                ON CONFLICT (incident_id, channel, dedup_key, recipient) DO NOTHING
                """,
                new
                {
                    n.IncidentId, n.CheckId, n.Channel, Kind = NotificationNames.Of(n.Kind), n.Key, n.Recipient, n.Content.Subject,
                    n.Content.TextBody, n.Content.HtmlBody, n.Content.Chart, n.Content.Screenshot, n.MessageId, n.InReplyTo,
                    CreatedAt = Dialect.Timestamp(now), DueAt = Dialect.Timestamp(n.DueAt),
                }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM alert_outbox WHERE incident_id = @IncidentId ORDER BY id",
            new { IncidentId = incidentId }, cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    public async Task<IReadOnlyList<long>> IncidentsToPlanAsync(DateTimeOffset resolvedSince, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT id FROM incidents WHERE resolved_at IS NULL
            UNION
            SELECT i.id FROM incidents i WHERE i.resolved_at >= @Since AND EXISTS (SELECT 1 FROM alert_outbox o WHERE o.incident_id = i.id)
            UNION
            SELECT incident_id FROM alert_outbox WHERE status = 'pending'
            ORDER BY 1
            """, new { Since = Dialect.Timestamp(resolvedSince) }, cancellationToken: cancellationToken));
        return ids.ToList();
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string channel, string owner, DateTimeOffset now, TimeSpan lease, int limit,
        CancellationToken cancellationToken)
    {
        // The candidates are chosen once (a materialised CTE): as a plain subquery PostgreSQL may evaluate the LIMIT
        // again per row and claim more than asked. SKIP LOCKED spares it the wait behind another instance's claim.
        var postgres = Dialect.Name == "postgres";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            WITH due AS {(postgres ? "MATERIALIZED " : "")}(
                SELECT o.id FROM alert_outbox o
                WHERE o.status = 'pending' AND o.channel = @Channel AND o.due_at <= @Now AND o.next_attempt_at <= @Now
                  AND (o.claimed_until IS NULL OR o.claimed_until <= @Now)
                  AND NOT EXISTS (
                      SELECT 1 FROM alert_outbox e
                      WHERE e.incident_id = o.incident_id AND e.channel = o.channel AND e.recipient = o.recipient
                        AND e.status = 'pending' AND e.id < o.id)
                ORDER BY o.due_at, o.id
                LIMIT @Limit
                {(postgres ? "FOR UPDATE OF o SKIP LOCKED" : "")})
            UPDATE alert_outbox SET claimed_by = @Owner, claimed_until = @Until
            WHERE id IN (SELECT id FROM due)
              AND status = 'pending' AND (claimed_until IS NULL OR claimed_until <= @Now)
            RETURNING {MessageColumns}
            """,
            new { Owner = owner, Until = Dialect.Timestamp(now + lease), Channel = channel, Now = Dialect.Timestamp(now), Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(ToMessage).OrderBy(m => m.Entry.DueAt).ThenBy(m => m.Entry.Id).ToList();
    }

    public async Task<bool> MarkSentAsync(long id, string owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE alert_outbox SET status = 'sent', sent_at = @At, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id AND claimed_by = @Owner AND status = 'pending'
            """, new { Id = id, Owner = owner, At = Dialect.Timestamp(at) }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task MarkFailedAsync(long id, string owner, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE alert_outbox SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @RetryAt,
                                    claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id AND claimed_by = @Owner AND status = 'pending'
            """, new { Id = id, Owner = owner, Error = error, RetryAt = Dialect.Timestamp(retryAt) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> CancelAsync(long id, string? owner, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE alert_outbox SET status = 'cancelled', cancel_reason = @Reason, claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id AND status = 'pending'
              AND (claimed_until IS NULL OR claimed_until <= @Now OR claimed_by = @Owner)
            """, new { Id = id, Owner = owner, Reason = reason, Now = Dialect.Timestamp(now) }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM alert_outbox WHERE status = 'pending'", cancellationToken: cancellationToken));
    }

    public async Task<string> GetOrAddSecretAsync(string name, string candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Whoever inserts first wins; everyone then reads the same value.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO alert_secrets (name, value, created_at) VALUES (@Name, @Value, @At) ON CONFLICT (name) DO NOTHING",
            new { Name = name, Value = candidate, At = Dialect.Timestamp(now) }, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT value FROM alert_secrets WHERE name = @Name", new { Name = name }, cancellationToken: cancellationToken));
    }

    private OutboxEntry ToEntry(Row row) => new(
        row.Id, row.IncidentId, row.Channel, NotificationNames.ParseKind(row.Kind), row.DedupKey, row.Recipient,
        NotificationNames.ParseStatus(row.Status), Dialect.ReadTimestamp(row.DueAt),
        row.SentAt is null ? null : Dialect.ReadTimestamp(row.SentAt), row.MessageId, row.Attempts, row.LastError);

    private OutboxMessage ToMessage(Row row) => new(
        ToEntry(row), row.CheckId, new NotificationContent(row.Subject, row.TextBody, row.HtmlBody, row.ChartPng) { Screenshot = row.ScreenshotPng }, row.InReplyTo,
        Dialect.ReadTimestamp(row.CreatedAt!));

    private sealed class Row
    {
        public long Id { get; init; }
        public long IncidentId { get; init; }
        public string Channel { get; init; } = "";
        public string Kind { get; init; } = "";
        public string DedupKey { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Status { get; init; } = "";
        public object DueAt { get; init; } = 0L;
        public object? SentAt { get; init; }
        public string MessageId { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public string CheckId { get; init; } = "";
        public string Subject { get; init; } = "";
        public string TextBody { get; init; } = "";
        public string HtmlBody { get; init; } = "";
        public byte[]? ChartPng { get; init; }
        public byte[]? ScreenshotPng { get; init; }
        public string? InReplyTo { get; init; }
        public object? CreatedAt { get; init; }
    }
}
