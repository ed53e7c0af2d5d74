using Monitoring.Quality;
using Monitoring.Quality.Digest;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web.Api.Json;

/// <summary>
/// The shapes of the data-quality JSON: findings, the work list with its filters, domain scores, the catalogue overview,
/// a record's page and a team's digest.
/// </summary>
public static class QualityJson
{
    /// <summary>A finding with its evidence and workflow, and the address of its record's page.</summary>
    public sealed record Finding(string Rule, string Entity, string Key, string Status, string Severity, string Dimension, string? Field,
        string? Value, string Message, string? Fix, string? Team, double Priority, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt,
        DateTimeOffset? ResolvedAt, string? AcknowledgedBy, string? IgnoreReason, DateTimeOffset? IgnoredUntil, int ReopenCount, string Page);

    /// <summary>A page of the work list, with the values its rule and team filters offer.</summary>
    public sealed record WorkList(long Total, int Offset, IReadOnlyList<Finding> Findings, Filters Filters);

    /// <summary>The rule ids and teams of the configured quality rules; the severities and statuses a filter takes.</summary>
    public sealed record Filters(IReadOnlyList<string> Rules, IReadOnlyList<string> Teams, IReadOnlyList<string> Severities,
        IReadOnlyList<string> Statuses);

    /// <summary>A domain's score on a day: grade, records scored, records per grade, share with a blocker.</summary>
    public sealed record DomainScore(DateOnly Day, string Domain, double Score, string Grade, int Records, IReadOnlyDictionary<string, int> Grades,
        double BlockerShare);

    /// <summary>The catalogue overview: each domain's latest score, the counts, and the head of the work list.</summary>
    public sealed record CatalogueOverview(IReadOnlyList<DomainScore> Domains, long Unresolved, long Open, IReadOnlyList<Finding> Head);

    /// <summary>A record's page: its current score (null when never scored), every finding, and its grade history.</summary>
    public sealed record Record(string Entity, string Key, RecordScore? Current, int OpenFindings, IReadOnlyList<Finding> Findings,
        IReadOnlyList<RecordScore> History);

    /// <summary>A record's score at the scan that changed it, by dimension.</summary>
    public sealed record RecordScore(DateTimeOffset ScannedAt, double Score, string Grade, IReadOnlyDictionary<string, double> Dimensions);

    /// <summary>A team's weekly digest as its email says it, with the recipients the alert routes give.</summary>
    public sealed record Digest(string Team, string Week, DateTimeOffset From, DateTimeOffset To, string? Route, IReadOnlyList<string> Recipients,
        string Subject, int NewCount, IReadOnlyList<Finding> New, int ResolvedCount, IReadOnlyList<Finding> Resolved, int OpenCount,
        IReadOnlyList<Finding> TopOpen, IReadOnlyList<Finding> OldestOpen, IReadOnlyList<DomainScore> Scores, string Text);

    public static Finding Of(FindingState f) => new(f.RuleId, f.Entity, f.Key, SqlQualityStore.Name(f.Status), QualityNames.Name(f.Severity),
        QualityNames.Name(f.Dimension), f.Field, f.Value, f.Message, f.Fix, f.Team, f.Priority, f.FirstSeenAt, f.LastSeenAt, f.ResolvedAt,
        f.AcknowledgedBy, f.IgnoreReason, f.IgnoredUntil, f.ReopenCount, QualityEndpoints.RecordUrl(f.Entity, f.Key));

    public static DomainScore Of(QualityScoreDay d) => new(d.Day, d.Domain, d.Score, d.Grade.ToString(), d.Records,
        d.Grades.ToDictionary(g => g.Key.ToString(), g => g.Value), d.BlockerShare);

    public static RecordScore Of(RecordScorePoint p) => new(p.ScannedAt, p.Score, p.Grade.ToString(),
        p.Dimensions.OrderBy(d => d.Key).ToDictionary(d => QualityNames.Name(d.Key), d => d.Value));

    public static Digest Of(QualityDigest d, string? route, IReadOnlyList<string> recipients, string subject, string text) => new(
        d.Team, d.Week.Name, d.Week.From, d.Week.To, route, recipients, subject, d.NewCount, d.New.Select(Of).ToList(), d.ResolvedCount,
        d.Resolved.Select(Of).ToList(), d.OpenCount, d.TopOpen.Select(Of).ToList(), d.OldestOpen.Select(Of).ToList(), d.Scores.Select(Of).ToList(), text);
}
