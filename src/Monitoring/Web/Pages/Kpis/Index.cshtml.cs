using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Kpis;

namespace Monitoring.Web.Pages.Kpis;

/// <summary>The managers' KPIs for a period (the last complete ISO week by default), each against its past and target.</summary>
public sealed class IndexModel(KpiReport report, KpiRunner runner, TimeProvider time) : PageModel
{
    public Period Period { get; private set; }

    public IReadOnlyList<KpiComparison> Rows { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>The segment shown: <c>?segment=sales_channel=web</c>, the whole shop by default.</summary>
    public SegmentKey Segment { get; private set; } = SegmentKey.All;

    /// <summary>The segments with data in the period, for the selector.</summary>
    public IReadOnlyList<SegmentKey> Segments { get; private set; } = [];

    public async Task OnGetAsync(string? period, string? segment, CancellationToken ct)
    {
        var lastWeek = KpiReport.LastCompleteWeek(runner.Days.DayOf(time.GetUtcNow()));
        Period = lastWeek;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.Parse(period) is { } chosen) Period = chosen;
            else Problem = $"'{period}' is not a period (write 2026-W47, 2026-11 or 2026-11-20); showing {lastWeek.Label}.";
        }
        Segments = await report.SegmentsAsync(Period, ct);
        if (!string.IsNullOrWhiteSpace(segment))
        {
            if (SegmentKey.Parse(segment) is { } chosenSegment && Segments.Contains(chosenSegment)) Segment = chosenSegment;
            else Problem = (Problem is null ? "" : Problem + " ") + $"'{segment}' is not a segment with data in {Period.Label}; showing the whole shop.";
        }
        Rows = await report.ForAsync(Period, Segment, ct);
    }

    public static string LightClass(Light light) => light switch
    {
        Light.Green => "pass",
        Light.Amber => "degraded",
        Light.Red => "fail",
        _ => "muted",
    };
}
