using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Overview;

/// <summary>
/// What the catalogue team looks at first: each domain's latest score and grade with its 30-day chart, how many
/// findings are open, and the head of the work list (the highest-priority unresolved findings). Read from
/// <see cref="OverviewViews"/>, like <c>/api/overview/catalogue</c>.
/// </summary>
public sealed class CatalogueModel(OverviewViews views) : PageModel
{
    /// <summary>How many findings the head of the work list shows; the rest are on /quality.</summary>
    public const int HeadSize = OverviewViews.HeadSize;

    public IReadOnlyList<QualityScoreDay> Domains { get; private set; } = [];

    public IReadOnlyList<FindingState> Head { get; private set; } = [];

    public long Unresolved { get; private set; }

    public long Open { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var view = await views.CatalogueAsync(ct);
        (Domains, Head, Unresolved, Open) = (view.Domains, view.Head, view.Unresolved, view.Open);
    }
}
