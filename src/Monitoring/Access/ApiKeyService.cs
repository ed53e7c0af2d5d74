using Monitoring.Storage;

namespace Monitoring.Access;

/// <summary>Creating and revoking keys, with their audit entries: the admin page and the CLI verb do the same thing.</summary>
public sealed class ApiKeyService(IApiKeyStore store, AuditLog audit, TimeProvider time)
{
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>A new key (returned once, never stored), or the problem with the request.</summary>
    public async Task<(string? Key, string? Problem)> CreateAsync(string? name, string? scope, string actor, HttpContext? http, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) return (null, "A key needs a name of 1 to 100 characters.");
        if (scope is null || !ApiKeyScopes.All.Contains(scope)) return (null, $"The scope must be one of {string.Join(", ", ApiKeyScopes.All)}.");
        var key = ApiKeys.New();
        var id = await store.AddAsync(name, scope, ApiKeys.HashOf(key), ApiKeys.Hint(key), actor, time.GetUtcNow(), ct);
        await audit.RecordAsync(actor, AuditActions.ApiKeyCreated, $"api key #{id} ({name})", $"scope {scope}", http, ct);
        return (key, null);
    }

    public async Task<bool> RevokeAsync(long id, string actor, HttpContext? http, CancellationToken ct)
    {
        if (!await store.RevokeAsync(id, actor, time.GetUtcNow(), ct)) return false;
        await audit.RecordAsync(actor, AuditActions.ApiKeyRevoked, $"api key #{id}", null, http, ct);
        return true;
    }
}
