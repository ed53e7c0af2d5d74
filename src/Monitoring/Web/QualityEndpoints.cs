using System.Globalization;
using System.Text;
using Monitoring.Access;
using Monitoring.Charts;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The quality work list as CSV, filtered as the <c>/quality</c> page is, for the catalogue team's sheets.</summary>
public static class QualityEndpoints
{
    /// <summary>The most rows one export holds: the work list is for people, not a backup.</summary>
    public const int MaxExportRows = 10_000;

    /// <summary>Where a record's page lives: <c>/quality/records/{entity}/{key}</c>.</summary>
    public const string RecordPrefix = "/quality/records/";

    /// <summary>How many days the domain trend chart shows.</summary>
    public const int TrendDays = 30;

    public static IEndpointRouteBuilder MapQualityEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/quality/findings.csv", async (IQualityStore store, string? rule, string? severity, string? team, string? status,
            CancellationToken ct) =>
        {
            var query = Query(rule, severity, team, status, 0, MaxExportRows);
            var findings = await store.ListAsync(query, ct);
            return Results.File(Encoding.UTF8.GetBytes(Csv(findings)), "text/csv; charset=utf-8", "quality-findings.csv");
        }).RequireAuthorization(Policies.Catalogue);
        routes.MapGet("/quality/charts/domains.svg", async (IQualityStore store, TimeProvider time, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var days = await store.ListScoresAsync(today.AddDays(-TrendDays), ct);
            return Results.Text(DomainScoreChart.RenderSvg($"Domain scores, last {TrendDays} days", days), "image/svg+xml");
        }).RequireAuthorization(Policies.Catalogue);
        routes.MapGet("/quality/charts/record.svg", async (IQualityHistoryStore history, TimeProvider time, string? entity, string? key,
            CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(entity) || string.IsNullOrWhiteSpace(key))
                return Results.BadRequest("give the record as ?entity=product&key=SKU-1");
            var points = await history.ListAsync(entity, key, ct);
            return Results.Text(QualityHistoryChart.RenderSvg($"{entity} {key}: score", points, time.GetUtcNow()), "image/svg+xml");
        }).RequireAuthorization(Policies.Catalogue);
        return routes;
    }

    /// <summary>The query of the page's filters; an unknown severity or status filters nothing rather than failing.</summary>
    public static FindingQuery Query(string? rule, string? severity, string? team, string? status, int offset, int limit) => new(
        string.IsNullOrWhiteSpace(rule) ? null : rule.Trim(),
        severity is not null && QualityNames.TryParse<QualitySeverity>(severity.Trim().ToLowerInvariant(), out var s) ? s : null,
        string.IsNullOrWhiteSpace(team) ? null : team.Trim(),
        status is not null && QualityNames.TryParse<FindingStatus>(status.Trim().ToLowerInvariant(), out var st) ? st : null,
        offset, limit);

    /// <summary>The link to a record's page. The key keeps its slashes (the route takes the rest of the path), and
    /// every segment is escaped on its own, so that a SKU like <c>AB/12 #3</c> survives the round trip.</summary>
    public static string RecordUrl(string entity, string key) =>
        RecordPrefix + Uri.EscapeDataString(entity) + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    public static string Csv(IEnumerable<FindingState> findings)
    {
        var csv = new StringBuilder("priority,severity,rule,entity,key,field,value,message,fix,team,status,first_seen,last_seen,acknowledged_by,ignore_reason,ignored_until\r\n");
        foreach (var f in findings)
        {
            string?[] cells =
            [
                f.Priority.ToString("0.##", CultureInfo.InvariantCulture), QualityNames.Name(f.Severity), f.RuleId, f.Entity, f.Key, f.Field,
                f.Value, f.Message, f.Fix, f.Team, SqlQualityStore.Name(f.Status), f.FirstSeenAt.ToString("u", CultureInfo.InvariantCulture),
                f.LastSeenAt.ToString("u", CultureInfo.InvariantCulture), f.AcknowledgedBy, f.IgnoreReason,
                f.IgnoredUntil?.ToString("u", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A quoted cell. The values come from the shop's data, so a leading = + - @ is defused with a quote:
    /// a spreadsheet would otherwise run it as a formula (CSV injection).</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
