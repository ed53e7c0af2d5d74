using Monitoring.Access;
using Monitoring.Kpis;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web.Api;

/// <summary>
/// The KPI and data-quality pages as JSON, for the managers' and catalogue teams' own tools: the same figures as
/// <c>/kpis</c>, <c>/kpis/churn</c> and <c>/quality</c>, with the same filters. Bad filters are a 400 with a message.
/// </summary>
public static class ReportingApi
{
    /// <summary>The most findings one request returns; page with <c>offset</c>.</summary>
    public const int MaxFindings = 1_000;

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(Policies.ReadApi);

        api.MapGet("/kpis", async (string? period, string? segment, KpiReport report, KpiRunner runner, TimeProvider time, CancellationToken ct) =>
        {
            var (query, status, error) = KpiQuery.Parse("conversion_rate", period, null, runner.Days.DayOf(time.GetUtcNow()));
            if (query is null) return Problem(status, error!);
            var chosen = SegmentKey.All;
            if (!string.IsNullOrWhiteSpace(segment))
            {
                if (SegmentKey.Parse(segment) is not { } parsed || (!parsed.IsAll && !SegmentKey.Dimensions.Contains(parsed.Dimension)))
                    return Problem(400, $"'{segment}' is not a segment (write * or dimension=value, with a dimension among {string.Join(", ", SegmentKey.Dimensions)})");
                chosen = parsed;
            }
            var comparisons = await report.ForAsync(query.Period, chosen, ct);
            return Results.Ok(new
            {
                period = query.Period.Label, start = query.Period.Start, end = query.Period.End, segment = chosen.ToString(),
                kpis = comparisons.Select(Kpi),
            });
        }).WithSummary("Every KPI of a period (default: the last complete ISO week) and segment, with its comparisons, target and light");

        api.MapGet("/kpis/churn", async (ChurnList churn, CancellationToken ct) => Results.Ok((await churn.ForTodayAsync(ct)).Select(e => new
        {
            salesRep = e.Account.SalesRep, accountId = e.Account.Id, account = e.Account.Name, segment = e.Account.Segment,
            status = e.Assessment.Status.ToString().ToLowerInvariant(), newThisWeek = e.NewThisWeek, reason = e.Assessment.Describe(),
            daysSilent = e.Assessment.DaysSilent, usualGapDays = e.Assessment.UsualGapDays,
            revenueLast90 = e.Assessment.RevenueLast90, revenueYearEarlier90 = e.Assessment.RevenueYearEarlier90,
        }))).WithSummary("The accounts at risk, contracting or newly churned, per sales rep, with the reason and figures");

        api.MapGet("/quality/scores", async (int? days, IQualityStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (days is < 1 or > 400) return Problem(400, "days must be between 1 and 400");
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var rows = await store.ListScoresAsync(today.AddDays(-(days ?? 30)), ct);
            return Results.Ok(rows.Select(r => new
            {
                day = r.Day, domain = r.Domain, score = r.Score, grade = r.Grade.ToString(), records = r.Records,
                grades = r.Grades.ToDictionary(g => g.Key.ToString(), g => g.Value), blockerShare = r.BlockerShare,
            }));
        }).WithSummary("Each domain's daily data-quality score, grade and grade distribution");

        api.MapGet("/quality/findings", async (string? rule, string? severity, string? team, string? status, int? offset, int? limit,
            IQualityStore store, CancellationToken ct) =>
        {
            if (severity is not null && !QualityNames.TryParse<QualitySeverity>(severity.Trim().ToLowerInvariant(), out _))
                return Problem(400, $"'{severity}' is not a severity (blocker, major, minor, info)");
            if (status is not null && !QualityNames.TryParse<FindingStatus>(status.Trim().ToLowerInvariant(), out _))
                return Problem(400, $"'{status}' is not a status (open, acknowledged, ignored, resolved)");
            if (offset is < 0 || limit is < 1 or > MaxFindings) return Problem(400, $"offset must be ≥ 0 and limit between 1 and {MaxFindings}");
            var query = QualityEndpoints.Query(rule, severity, team, status, offset ?? 0, limit ?? 100);
            var findings = await store.ListAsync(query, ct);
            return Results.Ok(new { total = await store.CountAsync(query, ct), offset = query.Offset, findings = findings.Select(Finding) });
        }).WithSummary("The work list: findings filtered by rule, severity, team and status, highest priority first");
        return routes;
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static object Kpi(KpiComparison c) => new
    {
        kpi = c.Kpi.Id, name = c.Kpi.Name, unit = c.Kpi.Unit.ToString().ToLowerInvariant(),
        value = c.Current.Value, numerator = c.Current.Numerator, denominator = c.Current.Denominator,
        previous = c.Previous.Value, changeOnPrevious = c.ChangeOnPrevious.Relative,
        yearEarlier = c.YearEarlier.Value, changeOnYearEarlier = c.ChangeOnYearEarlier.Relative,
        trend = c.Trend.Select(t => new { period = t.Period.Label, value = t.Value }),
        target = c.Target is { } t ? new { value = t.Target, deadline = t.Deadline, owner = t.Owner, note = t.Note } : null,
        light = c.Light.ToString().ToLowerInvariant(),
    };

    private static object Finding(FindingState f) => new
    {
        rule = f.RuleId, entity = f.Entity, key = f.Key, status = f.Status.ToString().ToLowerInvariant(), severity = QualityNames.Name(f.Severity),
        dimension = QualityNames.Name(f.Dimension), field = f.Field, value = f.Value, message = f.Message, fix = f.Fix, team = f.Team,
        priority = f.Priority, firstSeenAt = f.FirstSeenAt, lastSeenAt = f.LastSeenAt, resolvedAt = f.ResolvedAt,
        page = QualityEndpoints.RecordUrl(f.Entity, f.Key),
    };
}
