using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Monitoring.Web.Pages;

/// <summary>One check: availability per window and month, latency by phase, incidents with their timelines, recent runs.</summary>
public sealed class CheckModel(CheckViews views, TimeProvider time) : PageModel
{
    public CheckDetail? Detail { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Detail = await views.DetailAsync(id, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }
}
