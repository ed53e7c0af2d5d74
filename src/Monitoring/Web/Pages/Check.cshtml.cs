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

    /// <summary>The failed step of the last run that has a screenshot (browser scenarios); null otherwise.</summary>
    public StepScreenshot? LastScreenshot { get; private set; }

    public bool IsScenario => Detail?.Row.Check.Kind == ScenarioReader.KindName;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Detail = await views.DetailAsync(id, cancellationToken);
        if (Detail is null) return NotFound();
        if (IsScenario) LastScenarioRun = await scenarios.LastRunAsync(id, cancellationToken);
        if (LastScenarioRun is { } last && last.Steps.Any(s => s.Outcome == StepOutcome.Fail))
            LastScreenshot = await scenarios.ScreenshotAsync(id, last.RunId, cancellationToken);
        return Page();
    }
}
