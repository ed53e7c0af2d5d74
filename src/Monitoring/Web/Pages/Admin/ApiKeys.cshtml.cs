using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Access;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Admin;

/// <summary>Create (shown once), list and revoke API keys. Admin only, by the /Admin folder's policy.</summary>
public sealed class ApiKeysModel(ApiKeyService keys) : PageModel
{
    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];

    public string? NewKey { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task OnPostCreateAsync(string? name, string? scope, CancellationToken ct)
    {
        var created = await keys.CreateAsync(name, scope, AuditLog.ActorOf(User), HttpContext, ct);
        (NewKey, Problem) = (created.Key, created.Problem);
        Keys = await keys.ListAsync(ct);
    }

    public async Task OnPostRevokeAsync(long id, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(id, AuditLog.ActorOf(User), HttpContext, ct)) Problem = $"There is no active key #{id}.";
        Keys = await keys.ListAsync(ct);
    }
}
