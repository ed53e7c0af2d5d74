using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Kpis;

namespace Monitoring.Web.Pages.Overview;

/// <summary>
/// What managers look at first: the weekly report's headline KPIs as tiles (value, change, target, light, 13-week
/// sparkline), and which KPIs miss their target. The period is the last complete ISO week unless <c>?period=</c> says.
/// Read from <see cref="OverviewViews"/>, like <c>/api/overview/managers</c>.
/// </summary>
public sealed class ManagersModel(OverviewViews views, KpiRunner runner, TimeProvider time) : PageModel
{
    public Period Period { get; private set; }

    /// <summary>The headline KPIs that have a value, in the weekly report's order.</summary>
    public IReadOnlyList<KpiComparison> Tiles { get; private set; } = [];

    /// <summary>Every KPI with a target it misses.</summary>
    public IReadOnlyList<KpiComparison> BelowTarget { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? period, CancellationToken ct)
    {
        var lastWeek = KpiReport.LastCompleteWeek(runner.Days.DayOf(time.GetUtcNow()));
        Period = lastWeek;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.Parse(period) is { } chosen) Period = chosen;
            else Problem = $"'{period}' is not a period (write 2026-W47, 2026-11 or 2026-11-20); showing {lastWeek.Label}.";
        }
        var view = await views.ManagersAsync(Period, ct);
        (Tiles, BelowTarget) = (view.Tiles, view.BelowTarget);
    }
}
