using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Overview;

/// <summary>
/// What the catalogue team looks at first: each domain's latest score and grade with its 30-day chart, how many
/// findings are open, and the head of the work list (the highest-priority unresolved findings).
/// </summary>
public sealed class CatalogueModel(IQualityStore store, TimeProvider time) : PageModel
{
    /// <summary>How many findings the head of the work list shows; the rest are on /quality.</summary>
    public const int HeadSize = 10;

    public IReadOnlyList<QualityScoreDay> Domains { get; private set; } = [];

    public IReadOnlyList<FindingState> Head { get; private set; } = [];

    public long Unresolved { get; private set; }

    public long Open { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Domains = (await store.ListScoresAsync(today.AddDays(-30), ct))
            .GroupBy(d => d.Domain).Select(g => g.Last()).OrderBy(d => d.Domain, StringComparer.Ordinal).ToList();
        var unresolved = new FindingQuery(Limit: HeadSize);
        Head = await store.ListAsync(unresolved, ct);
        Unresolved = await store.CountAsync(unresolved, ct);
        Open = await store.CountAsync(new FindingQuery(Status: FindingStatus.Open), ct);
    }
}
