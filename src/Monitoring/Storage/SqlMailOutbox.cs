using Dapper;
using Monitoring.Mail;

namespace Monitoring.Storage;

/// <summary>
/// The mail outbox on both backends. Queueing is one <c>INSERT … ON CONFLICT DO NOTHING</c> on (kind, key, recipient),
/// so a job that runs twice queues once. Claiming leases rows the way the alert outbox does (an UPDATE that re-checks
/// the lease in its own WHERE clause), so two instances never both send one message.
/// </summary>
public sealed class SqlMailOutbox(IDbConnectionFactory database, TimeProvider time) : IMailOutbox
{
    private const string EntryColumns =
        "id AS Id, kind AS Kind, dedup_key AS DedupKey, recipient AS Recipient, subject AS Subject, status AS Status, " +
        "due_at AS DueAt, sent_at AS SentAt, attempts AS Attempts, last_error AS LastError";

    private SqlDialect Dialect => database.Dialect;

    public async Task<bool> EnqueueAsync(MailMessage message, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            INSERT INTO mail_outbox (kind, dedup_key, recipient, subject, text_body, html_body, message_id, created_at, due_at, next_attempt_at)
            VALUES (@Kind, @Key, @Recipient, @Subject, @TextBody, @HtmlBody, @MessageId, @Now, @DueAt, @DueAt)
            ON CONFLICT (kind, dedup_key, recipient) DO NOTHING
            RETURNING id
            """,
            new
            {
                message.Kind, message.Key, message.Recipient, message.Subject, message.TextBody, message.HtmlBody,
                MessageId = MailBuilder.NewMessageId(message.Kind),
                Now = Dialect.Timestamp(time.GetUtcNow()), DueAt = Dialect.Timestamp(dueAt),
            }, transaction, cancellationToken: cancellationToken));
        if (id is null) return false;
        for (var i = 0; i < message.Images.Count; i++)
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO mail_outbox_images (mail_id, position, content_id, file_name, png) VALUES (@Id, @Position, @ContentId, @FileName, @Png)",
                new { Id = id, Position = i, message.Images[i].ContentId, message.Images[i].FileName, message.Images[i].Png },
                transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<MailOutboxEntry>> ListAsync(string? kind, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM mail_outbox WHERE (@Kind IS NULL OR kind = @Kind) ORDER BY id DESC LIMIT @Limit",
            new { Kind = kind, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>
    /// Leases up to <paramref name="limit"/> due rows to <paramref name="owner"/>, oldest first, skipping a row while an
    /// older one to the same recipient is still pending (so a recipient gets their messages in order).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit,
        CancellationToken cancellationToken)
    {
        var postgres = Dialect.Name == "postgres";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            WITH due AS {(postgres ? "MATERIALIZED " : "")}(
                SELECT o.id FROM mail_outbox o
                WHERE o.status = 'pending' AND o.due_at <= @Now AND o.next_attempt_at <= @Now
                  AND (o.claimed_until IS NULL OR o.claimed_until <= @Now)
                  AND NOT EXISTS (SELECT 1 FROM mail_outbox e WHERE e.recipient = o.recipient AND e.status = 'pending' AND e.id < o.id)
                ORDER BY o.due_at, o.id
                LIMIT @Limit
                {(postgres ? "FOR UPDATE OF o SKIP LOCKED" : "")})
            UPDATE mail_outbox SET claimed_by = @Owner, claimed_until = @Until
            WHERE id IN (SELECT id FROM due) AND status = 'pending' AND (claimed_until IS NULL OR claimed_until <= @Now)
            RETURNING {EntryColumns}, text_body AS TextBody, html_body AS HtmlBody, message_id AS MessageId
            """,
            new { Owner = owner, Until = Dialect.Timestamp(now + lease), Now = Dialect.Timestamp(now), Limit = limit },
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return [];

        var images = (await connection.QueryAsync<ImageRow>(new CommandDefinition(
                $"SELECT mail_id AS MailId, content_id AS ContentId, file_name AS FileName, png AS Png FROM mail_outbox_images " +
                $"WHERE mail_id IN ({string.Join(",", rows.Select(r => r.Id))}) ORDER BY mail_id, position",
                cancellationToken: cancellationToken)))
            .ToLookup(i => i.MailId);
        return rows
            .OrderBy(r => r.Id)
            .Select(r => new ClaimedMail(ToEntry(r), r.MessageId!,
                new MailMessage(r.Kind, r.DedupKey, r.Recipient, r.Subject, r.TextBody!, r.HtmlBody!,
                    images[r.Id].Select(i => new MailImage(i.ContentId, i.Png, i.FileName)).ToList())))
            .ToList();
    }

    /// <summary>Marks a claimed row sent; false when this owner no longer held it.</summary>
    public async Task<bool> MarkSentAsync(long id, string owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_outbox SET status = 'sent', sent_at = @At, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id AND claimed_by = @Owner AND status = 'pending'
            """, new { Id = id, Owner = owner, At = Dialect.Timestamp(at) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Keeps a claimed row pending with its error, to be tried again at <paramref name="retryAt"/>.</summary>
    public async Task MarkFailedAsync(long id, string owner, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE mail_outbox SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @RetryAt, claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id AND claimed_by = @Owner AND status = 'pending'
            """, new { Id = id, Owner = owner, Error = error, RetryAt = Dialect.Timestamp(retryAt) }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM mail_outbox WHERE status = 'pending'", cancellationToken: cancellationToken));
    }

    private MailOutboxEntry ToEntry(Row row) => new(
        row.Id, row.Kind, row.DedupKey, row.Recipient, row.Subject, row.Status, Dialect.ReadTimestamp(row.DueAt),
        row.SentAt is null ? null : Dialect.ReadTimestamp(row.SentAt), row.Attempts, row.LastError);

    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string DedupKey { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Status { get; init; } = "";
        public object DueAt { get; init; } = 0L;
        public object? SentAt { get; init; }
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public string? TextBody { get; init; }
        public string? HtmlBody { get; init; }
        public string? MessageId { get; init; }
    }

    private sealed class ImageRow
    {
        public long MailId { get; init; }
        public string ContentId { get; init; } = "";
        public string FileName { get; init; } = "";
        public byte[] Png { get; init; } = [];
    }
}

/// <summary>A row leased for sending: where it stands, its Message-ID and what it says.</summary>
public sealed record ClaimedMail(MailOutboxEntry Entry, string MessageId, MailMessage Message);
