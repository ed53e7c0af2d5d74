using Microsoft.AspNetCore.Http.HttpResults;
using Monitoring.Access;
using Monitoring.Kpis;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Storage;
using Monitoring.Web.Api.Json;

namespace Monitoring.Web.Api;

/// <summary>
/// The KPI and data-quality pages as JSON, for the managers' and catalogue teams' own tools: the same figures as
/// <c>/kpis</c>, <c>/kpis/churn</c> and <c>/quality</c>, with the same filters. Bad filters are a 400 with a message.
/// The quality endpoints are the catalogue team's, like their pages.
/// </summary>
public static class ReportingApi
{
    /// <summary>The most findings one request returns; page with <c>offset</c>.</summary>
    public const int MaxFindings = 1_000;

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder routes)
    {
        var kpis = routes.MapGroup("/api/kpis").WithTags("KPIs").RequireAuthorization(Policies.ReadApi);

        // Mapped by its full path: a group's "" would make the route "/api/kpis/".
        routes.MapGet("/api/kpis", async Task<Results<Ok<KpiJson.KpiList>, ProblemHttpResult>> (string? period, string? segment, KpiReport report,
            KpiRunner runner, TimeProvider time, CancellationToken ct) =>
        {
            var (query, status, error) = KpiQuery.Parse("conversion_rate", period, null, runner.Days.DayOf(time.GetUtcNow()));
            if (query is null) return ApiProblem.Of(status, error!);
            var chosen = SegmentKey.All;
            if (!string.IsNullOrWhiteSpace(segment))
            {
                if (SegmentKey.Parse(segment) is not { } parsed || (!parsed.IsAll && !SegmentKey.Dimensions.Contains(parsed.Dimension)))
                    return ApiProblem.BadRequest($"'{segment}' is not a segment (write * or dimension=value, with a dimension among {string.Join(", ", SegmentKey.Dimensions)})");
                chosen = parsed;
            }
            var comparisons = await report.ForAsync(query.Period, chosen, ct);
            var segments = await report.SegmentsAsync(query.Period, ct);
            return TypedResults.Ok(new KpiJson.KpiList(query.Period.Label, query.Period.Start, query.Period.End, chosen.ToString(),
                segments.Select(s => s.ToString()).ToList(), comparisons.Select(KpiJson.Of).ToList()));
        })
            .WithTags("KPIs").RequireAuthorization(Policies.ReadApi).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Every KPI of a period (default: the last complete ISO week) and segment, with its comparisons, target and light, and the segments with data");

        kpis.MapGet("/churn", async (ChurnList churn, CancellationToken ct) => TypedResults.Ok<IReadOnlyList<ChurnRow>>((await churn.ForTodayAsync(ct))
            .Select(e => new ChurnRow(e.Account.SalesRep, e.Account.Id, e.Account.Name, e.Account.Segment,
                e.Assessment.Status.ToString().ToLowerInvariant(), e.NewThisWeek, e.Assessment.Describe(), e.Assessment.DaysSilent,
                e.Assessment.UsualGapDays, e.Assessment.RevenueLast90, e.Assessment.RevenueYearEarlier90)).ToList()))
            .WithSummary("The accounts at risk, contracting or newly churned, per sales rep, with the reason and figures");

        var quality = routes.MapGroup("/api/quality").WithTags("Data quality").RequireAuthorization(Policies.ReadCatalogueApi);

        quality.MapGet("/scores", async Task<Results<Ok<IReadOnlyList<QualityJson.DomainScore>>, ProblemHttpResult>> (int? days, IQualityStore store,
            TimeProvider time, CancellationToken ct) =>
        {
            if (days is < 1 or > 400) return ApiProblem.BadRequest("days must be between 1 and 400");
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var rows = await store.ListScoresAsync(today.AddDays(-(days ?? 30)), ct);
            return TypedResults.Ok<IReadOnlyList<QualityJson.DomainScore>>(rows.Select(QualityJson.Of).ToList());
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Each domain's daily data-quality score, grade and grade distribution (?days=, default 30)");

        quality.MapGet("/findings", async Task<Results<Ok<QualityJson.WorkList>, ProblemHttpResult>> (string? rule, string? severity, string? team,
            string? status, int? offset, int? limit, IQualityStore store, QualityViews views, CancellationToken ct) =>
        {
            if (severity is not null && !QualityNames.TryParse<QualitySeverity>(severity.Trim().ToLowerInvariant(), out _))
                return ApiProblem.BadRequest($"'{severity}' is not a severity (blocker, major, minor, info)");
            if (status is not null && !QualityNames.TryParse<FindingStatus>(status.Trim().ToLowerInvariant(), out _))
                return ApiProblem.BadRequest($"'{status}' is not a status (open, acknowledged, ignored, resolved)");
            if (offset is < 0 || limit is < 1 or > MaxFindings) return ApiProblem.BadRequest($"offset must be ≥ 0 and limit between 1 and {MaxFindings}");
            var query = QualityEndpoints.Query(rule, severity, team, status, offset ?? 0, limit ?? 100);
            var findings = await store.ListAsync(query, ct);
            var filters = new QualityJson.Filters(views.RuleIds, views.Teams, Enum.GetValues<QualitySeverity>().Select(QualityNames.Name).ToList(),
                Enum.GetValues<FindingStatus>().Select(SqlQualityStore.Name).ToList());
            return TypedResults.Ok(new QualityJson.WorkList(await store.CountAsync(query, ct), query.Offset, findings.Select(QualityJson.Of).ToList(), filters));
        })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The work list: findings filtered by rule, severity, team and status, highest priority first, with the values each filter offers");
        return routes;
    }

    /// <summary>An account of the churn list, with the reason and the figures behind it.</summary>
    public sealed record ChurnRow(string? SalesRep, string AccountId, string? Account, string? Segment, string Status, bool NewThisWeek,
        string Reason, int? DaysSilent, double? UsualGapDays, decimal RevenueLast90, decimal RevenueYearEarlier90);
}
