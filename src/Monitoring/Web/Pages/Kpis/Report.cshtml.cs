using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Charts;
using Monitoring.Kpis;
using Monitoring.Kpis.Reports;

namespace Monitoring.Web.Pages.Kpis;

/// <summary>
/// The managers' weekly report (the last complete ISO week by default, <c>?week=2026-W46</c>) or monthly pack
/// (<c>?month=2026-10</c>): the same content as the email, the sparklines drawn inline.
/// </summary>
public sealed class ReportModel(KpiPeriodReportBuilder builder, KpiRunner runner, TimeProvider time) : PageModel
{
    public KpiPeriodReport? Report { get; private set; }

    /// <summary>The report's HTML, shared with the email (<see cref="KpiReportHtml"/>).</summary>
    public string Body { get; private set; } = "";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? week, string? month, CancellationToken ct)
    {
        (var period, Problem) = ReportPeriod.Parse(week, month, KpiReport.LastCompleteWeek(runner.Days.DayOf(time.GetUtcNow())));
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Report = await builder.BuildAsync(period, ct);
        Body = KpiReportHtml.Render(Report, c => KpiSparkline.RenderSvg(c.Trend));
        return Page();
    }
}
