using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Kpis;
using Monitoring.Kpis.Reports;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web.Api;

/// <summary>
/// A KPI's page (<c>/kpis/{kpi}</c>) and the weekly report or monthly pack (<c>/kpis/report</c>) as JSON, read from the same
/// services with the same query parameters; an unknown KPI is a 404 and a bad period or segment a 400, with a message.
/// </summary>
public static class KpiPagesApi
{
    public static IEndpointRouteBuilder MapKpiPagesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/kpis").WithTags("KPIs").RequireAuthorization(Policies.ReadApi);

        api.MapGet("/report", async Task<Results<Ok<KpiJson.Report>, ProblemHttpResult>> (string? week, string? month,
            KpiPeriodReportBuilder builder, KpiRunner runner, TimeProvider time, CancellationToken ct) =>
        {
            var (period, problem) = ReportPeriod.Parse(week, month, KpiReport.LastCompleteWeek(runner.Days.DayOf(time.GetUtcNow())));
            if (problem is not null) return ApiProblem.BadRequest(problem);
            return TypedResults.Ok(KpiJson.ReportOf(await builder.BuildAsync(period, ct)));
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The managers' weekly report (?week=2026-W46, default the last complete ISO week) or monthly pack (?month=2026-10): tiles, KPIs below target, anomalies, churn, uptime, data quality");

        api.MapGet("/{kpi}", async Task<Results<Ok<KpiJson.KpiPage>, ProblemHttpResult>> (string kpi, string? period, string? segment,
            KpiReport report, KpiRunner runner, TimeProvider time, CancellationToken ct) =>
        {
            var (query, status, error) = KpiQuery.Parse(kpi, period, segment, runner.Days.DayOf(time.GetUtcNow()));
            if (query is null) return ApiProblem.Of(status, error!);
            var comparison = await report.ComparisonAsync(query.Kpi, query.Period, query.Segment, ct);
            var history = await report.HistoryAsync(query.Kpi, query.Period.End, query.Segment, ct);
            return TypedResults.Ok(KpiJson.PageOf(query, comparison, history));
        })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One KPI's page: its definition, the period against the previous one, a year earlier and the target, and its history per day (8 weeks) and per ISO week (53) with the anomalies flagged");
        return routes;
    }
}
