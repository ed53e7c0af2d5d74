using Monitoring.Access;
using Monitoring.Charts;
using Monitoring.Kpis;

namespace Monitoring.Web;

/// <summary>
/// A KPI's charts as PNG: the 13-week trend with its target (full size and as a table row's sparkline), and the daily
/// and weekly history of its page with the anomalies marked. Every one takes <c>?period=</c> (default: the last
/// complete ISO week) and <c>?segment=</c> (default: <c>*</c>, the whole shop).
/// </summary>
public static class KpiChartEndpoints
{
    public static IEndpointRouteBuilder MapKpiChartEndpoints(this IEndpointRouteBuilder routes)
    {
        var charts = routes.MapGroup("/kpis/{kpi}").RequireAuthorization(Policies.ViewUptime);

        charts.MapGet("/trend.png", async (string kpi, string? period, string? segment, KpiReport report, KpiRunner runner, TimeProvider time,
            CancellationToken ct) =>
        {
            var read = KpiQuery.Read(kpi, period, segment, runner, time);
            if (read.Query is not { } q) return read.Problem!;
            var (trend, target) = await report.TrendAsync(q.Kpi, q.Period, q.Segment, ct);
            var title = $"{q.Kpi.Name}: 13 weeks to {trend[^1].Period.Label}" + (q.Segment.IsAll ? "" : $" ({q.Segment})");
            return Png(KpiTrendChart.RenderPng(q.Kpi, trend, target?.Target, title));
        });

        charts.MapGet("/sparkline.png", async (string kpi, string? period, string? segment, KpiReport report, KpiRunner runner, TimeProvider time,
            CancellationToken ct) =>
        {
            var read = KpiQuery.Read(kpi, period, segment, runner, time);
            if (read.Query is not { } q) return read.Problem!;
            var (trend, target) = await report.TrendAsync(q.Kpi, q.Period, q.Segment, ct);
            return Png(KpiTrendChart.RenderSparklinePng(q.Kpi, trend, target?.Target));
        });

        charts.MapGet("/daily.png", async (string kpi, string? period, string? segment, KpiReport report, KpiRunner runner, TimeProvider time,
            CancellationToken ct) =>
        {
            var read = KpiQuery.Read(kpi, period, segment, runner, time);
            if (read.Query is not { } q) return read.Problem!;
            var history = await report.HistoryAsync(q.Kpi, q.Period.End, q.Segment, ct);
            var target = KpiTarget.Find(await report.TargetsAsync(ct), q.Kpi.Id, q.Segment, Period.Day(q.Period.End));
            return Png(KpiSeriesChart.RenderPng(q.Kpi, history.Daily, history.DailyAnomalies, target?.Target,
                $"{q.Kpi.Name} per day, {KpiHistory.DailyWeeks} weeks to {q.Period.End:yyyy-MM-dd}"));
        });

        charts.MapGet("/weekly.png", async (string kpi, string? period, string? segment, KpiReport report, KpiRunner runner, TimeProvider time,
            CancellationToken ct) =>
        {
            var read = KpiQuery.Read(kpi, period, segment, runner, time);
            if (read.Query is not { } q) return read.Problem!;
            var history = await report.HistoryAsync(q.Kpi, q.Period.End, q.Segment, ct);
            var lastWeek = Period.IsoWeekOf(q.Period.End);
            var target = KpiTarget.Find(await report.TargetsAsync(ct), q.Kpi.Id, q.Segment, lastWeek);
            return Png(KpiSeriesChart.RenderPng(q.Kpi, history.Weekly, history.WeeklyAnomalies, target?.Target,
                $"{q.Kpi.Name} per ISO week, {KpiHistory.WeeklyWeeks} weeks to {lastWeek.Label}"));
        });
        return routes;
    }

    // Computed per request from the rollup: a browser must not keep last week's chart after the Monday run.
    private static IResult Png(byte[] png) => Results.File(png, "image/png");
}
