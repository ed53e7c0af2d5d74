using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Scenarios;

namespace Monitoring.Web.Pages.Overview;

/// <summary>
/// What ops look at first: how many checks and scenarios are in each state, the incidents still open, and the last
/// seven days' availability of every check. Read from <see cref="CheckViews"/>, the same rows as the checks list.
/// </summary>
public sealed class OpsModel(CheckViews views, TimeProvider time) : PageModel
{
    /// <summary>The states in the order ops read them: what needs a person first.</summary>
    public static readonly IReadOnlyList<string> States = ["down", "recovering", "pending", "degraded", "unknown", "up"];

    public IReadOnlyList<CheckRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>Probes and scenarios apart: a broken checkout journey reads differently from a slow endpoint.</summary>
    public IReadOnlyList<CheckRow> Probes => Rows.Where(r => !IsScenario(r)).ToList();

    public IReadOnlyList<CheckRow> Scenarios => Rows.Where(IsScenario).ToList();

    public IReadOnlyList<CheckRow> WithOpenIncident => Rows.Where(r => r.OpenIncident is not null)
        .OrderBy(r => r.OpenIncident!.FirstFailureAt).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Rows = await views.ListAsync(cancellationToken);
    }

    public static int Count(IReadOnlyList<CheckRow> rows, string state) => rows.Count(r => r.StatusName == state);

    private static bool IsScenario(CheckRow row) => row.Check.Kind == ScenarioReader.KindName;
}
