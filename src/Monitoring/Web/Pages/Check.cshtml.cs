using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Scenarios;
using Monitoring.Storage;

namespace Monitoring.Web.Pages;

/// <summary>One check: availability per window and month, latency by phase, incidents with their timelines, recent runs;
/// for a scenario, the steps of its last run.</summary>
public sealed class CheckModel(CheckViews views, IScenarioStore scenarios, TimeProvider time) : PageModel
{
    public CheckDetail? Detail { get; private set; }

    /// <summary>The last run's steps when the check is a scenario that ran; null otherwise.</summary>
    public ScenarioRunSteps? LastScenarioRun { get; private set; }

    public bool IsScenario => Detail?.Row.Check.Kind == ScenarioReader.KindName;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Detail = await views.DetailAsync(id, cancellationToken);
        if (Detail is null) return NotFound();
        if (IsScenario) LastScenarioRun = await scenarios.LastRunAsync(id, cancellationToken);
        return Page();
    }
}
