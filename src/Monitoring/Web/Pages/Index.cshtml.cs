using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Storage;

namespace Monitoring.Web.Pages;

/// <summary>The probes with their last result and their success over the last 24 hours.</summary>
public sealed class IndexModel(IProbeStore store, TimeProvider time) : PageModel
{
    public IReadOnlyList<ProbeSummary> Summaries { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Summaries = await store.SummariseAsync(Now.AddHours(-24), cancellationToken);
    }
}
