namespace Monitoring.Storage;

/// <summary>An API key as stored: never the key itself, only its hash and a hint.</summary>
public sealed record ApiKeyRecord(long Id, string Name, string Scope, string Hint, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>API keys for the JSON API and ingest.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key by its hash; returns its id.</summary>
    Task<long> AddAsync(string name, string scope, string keyHash, string hint, string createdBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The active (not revoked) key with this hash, or null.</summary>
    Task<ApiKeyRecord?> FindActiveAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key; false when it does not exist or is already revoked.</summary>
    Task<bool> RevokeAsync(long id, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a use; writes at most once a minute per key, so that a busy key does not write on every request.</summary>
    Task RecordUseAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);
}
