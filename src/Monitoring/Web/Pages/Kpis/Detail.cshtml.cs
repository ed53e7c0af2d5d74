using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Kpis;

namespace Monitoring.Web.Pages.Kpis;

/// <summary>
/// One KPI: its definition, its value over the period against the previous one, the same period a year earlier and
/// its target, and its history per day (8 weeks) and per ISO week (53 weeks) with the anomalies the detector flags.
/// An unknown KPI is a 404 listing the known ones; a bad period or segment a 400 saying what to write.
/// </summary>
public sealed class DetailModel(KpiReport report, KpiRunner runner, TimeProvider time) : PageModel
{
    public KpiQuery? Query { get; private set; }

    public KpiComparison? Comparison { get; private set; }

    public KpiHistory? History { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The query string that keeps the period and segment on the chart and trend links.</summary>
    public string Selection => Query is null ? "" :
        $"?period={Uri.EscapeDataString(Query.Period.Label)}&segment={Uri.EscapeDataString(Query.Segment.ToString())}";

    public async Task<IActionResult> OnGetAsync(string kpi, string? period, string? segment, CancellationToken ct)
    {
        var (query, status, error) = KpiQuery.Parse(kpi, period, segment, runner.Days.DayOf(time.GetUtcNow()));
        if (query is null)
        {
            Problem = error;
            Response.StatusCode = status;
            return Page();
        }
        Query = query;
        Comparison = await report.ComparisonAsync(query.Kpi, query.Period, query.Segment, ct);
        History = await report.HistoryAsync(query.Kpi, query.Period.End, query.Segment, ct);
        return Page();
    }

    /// <summary>A value of the series (a double, as the detector reads it) formatted in the KPI's unit.</summary>
    public string Format(double value) => KpiReport.Format(Query!.Kpi, (decimal)value);

    /// <summary>The numerator and denominator the value came from, when it has both.</summary>
    public static string Figures(KpiValue value) =>
        value is { Numerator: { } n, Denominator: { } d } ? $"{n:N2} ÷ {d:N0}".Replace(".00 ÷", " ÷") : value.Note ?? "";
}
