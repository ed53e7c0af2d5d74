using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Access;
using Monitoring.Shop.Privacy;

namespace Monitoring.Web.Pages.Admin;

/// <summary>Erasing a person from the shop's data on request (GDPR art. 17). Admin only, by the /Admin folder's policy.</summary>
public sealed class PrivacyModel(ContactEraser eraser) : PageModel
{
    public ErasureResult? Result { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostEraseAsync(string? email, CancellationToken ct) =>
        (Result, Problem) = await eraser.EraseAsync(email, AuditLog.ActorOf(User), HttpContext, ct);
}
