using Dapper;

namespace Monitoring.Storage;

/// <summary>API keys on both backends, with one SQL text.</summary>
public sealed class SqlApiKeyStore(IDbConnectionFactory database) : IApiKeyStore
{
    private const string Columns =
        "id AS Id, name AS Name, scope AS Scope, hint AS Hint, created_at AS CreatedAt, created_by AS CreatedBy, " +
        "revoked_at AS RevokedAt, revoked_by AS RevokedBy, last_used_at AS LastUsedAt";

    private SqlDialect Dialect => database.Dialect;

    public async Task<long> AddAsync(string name, string scope, string keyHash, string hint, string createdBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO api_keys (name, scope, key_hash, hint, created_at, created_by)
            VALUES (@Name, @Scope, @KeyHash, @Hint, @Now, @CreatedBy) RETURNING id
            """,
            new { Name = name, Scope = scope, KeyHash = keyHash, Hint = hint, Now = Dialect.Timestamp(now), CreatedBy = createdBy },
            cancellationToken: cancellationToken));
    }

    public async Task<ApiKeyRecord?> FindActiveAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE key_hash = @KeyHash AND revoked_at IS NULL",
            new { KeyHash = keyHash }, cancellationToken: cancellationToken));
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY id DESC", cancellationToken: cancellationToken));
        return rows.Select(ToRecord).ToList();
    }

    public async Task<bool> RevokeAsync(long id, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now, revoked_by = @By WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, By = revokedBy, Now = Dialect.Timestamp(now) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task RecordUseAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = @Now WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @Before)",
            new { Id = id, Now = Dialect.Timestamp(now), Before = Dialect.Timestamp(now.AddMinutes(-1)) },
            cancellationToken: cancellationToken));
    }

    private ApiKeyRecord ToRecord(Row r) => new(r.Id, r.Name, r.Scope, r.Hint, Dialect.ReadTimestamp(r.CreatedAt), r.CreatedBy,
        r.RevokedAt is null ? null : Dialect.ReadTimestamp(r.RevokedAt), r.RevokedBy,
        r.LastUsedAt is null ? null : Dialect.ReadTimestamp(r.LastUsedAt));

    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Scope { get; init; } = "";
        public string Hint { get; init; } = "";
        public object CreatedAt { get; init; } = null!;
        public string CreatedBy { get; init; } = "";
        public object? RevokedAt { get; init; }
        public string? RevokedBy { get; init; }
        public object? LastUsedAt { get; init; }
    }
}
