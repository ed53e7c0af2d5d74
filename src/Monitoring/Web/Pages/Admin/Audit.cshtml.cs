using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Admin;

/// <summary>The audit log, newest first. Admin only, by the /Admin folder's policy.</summary>
public sealed class AuditModel(IAuditStore store) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await store.ListAsync(500, ct);
}
