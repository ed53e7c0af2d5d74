using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Monitoring.Web.Pages;

/// <summary>Every check with its state, availability and latency, worst first.</summary>
public sealed class IndexModel(CheckViews views, TimeProvider time) : PageModel
{
    public IReadOnlyList<CheckRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Rows = await views.ListAsync(cancellationToken);
    }
}
