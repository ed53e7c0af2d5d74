using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Kpis;

namespace Monitoring.Web.Pages.Kpis;

/// <summary>The accounts at risk, contracting or just churned, per sales rep, with the reason and its figures.</summary>
public sealed class ChurnModel(ChurnList churn) : PageModel
{
    public IReadOnlyList<ChurnListEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await churn.ForTodayAsync(ct);
}
