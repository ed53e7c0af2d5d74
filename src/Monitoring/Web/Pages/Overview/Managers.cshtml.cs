using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Kpis;
using Monitoring.Kpis.Reports;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Overview;

/// <summary>
/// What managers look at first: the weekly report's headline KPIs as tiles (value, change, target, light, 13-week
/// sparkline), and which KPIs miss their target. The period is the last complete ISO week unless <c>?period=</c> says.
/// </summary>
public sealed class ManagersModel(KpiReport report, SqlKpiFactsStore facts, KpiRunner runner, TimeProvider time) : PageModel
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
        // A period without a single rollup row reads as zeros (no orders, no revenue); say "nothing yet" instead.
        if ((await facts.SegmentsAsync(Period.Start, Period.End, ct)).Count == 0) return;
        var rows = await report.ForAsync(Period, ct);
        Tiles = KpiPeriodReport.HeadlineKpis.Select(id => rows.FirstOrDefault(r => r.Kpi.Id == id)).OfType<KpiComparison>().ToList();
        BelowTarget = rows.Where(KpiPeriodReport.Misses).ToList();
    }
}
