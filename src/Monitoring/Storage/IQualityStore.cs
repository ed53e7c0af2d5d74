using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;

namespace Monitoring.Storage;

/// <summary>Which findings a work list shows: every filter is optional; no status means every unresolved one.</summary>
public sealed record FindingQuery(
    string? RuleId = null, QualitySeverity? Severity = null, string? Team = null, FindingStatus? Status = null, int Offset = 0, int Limit = 50);

/// <summary>One day's score of one domain, as kept for the history.</summary>
public sealed record QualityScoreDay(
    DateOnly Day, string Domain, double Score, QualityGrade Grade, int Records, IReadOnlyDictionary<QualityGrade, int> Grades, double BlockerShare);

/// <summary>The data-quality findings with their workflow, and the daily domain scores.</summary>
public interface IQualityStore
{
    /// <summary>Every stored finding, resolved ones included: the lifecycle needs them to count regressions.</summary>
    Task<IReadOnlyList<FindingState>> LoadStatesAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the findings a scan changed, in one transaction.</summary>
    Task UpsertAsync(IReadOnlyList<FindingState> findings, CancellationToken cancellationToken);

    Task<FindingState?> GetAsync(string ruleId, string entity, string key, CancellationToken cancellationToken);

    /// <summary>The findings of the query, highest priority first.</summary>
    Task<IReadOnlyList<FindingState>> ListAsync(FindingQuery query, CancellationToken cancellationToken);

    /// <summary>How many findings the query matches, paging aside.</summary>
    Task<long> CountAsync(FindingQuery query, CancellationToken cancellationToken);

    /// <summary>Writes a person's decision (status, acknowledged by, ignore reason and expiry) and nothing else, so
    /// that it cannot overwrite the evidence of a scan running at the same time. False when the finding is gone.</summary>
    Task<bool> SetWorkflowAsync(FindingState finding, CancellationToken cancellationToken);

    /// <summary>Keeps the day's domain scores; a later scan of the same day replaces them.</summary>
    Task SaveScoresAsync(DateOnly day, IReadOnlyList<DomainScore> scores, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The domain scores from <paramref name="since"/> on, oldest first.</summary>
    Task<IReadOnlyList<QualityScoreDay>> ListScoresAsync(DateOnly since, CancellationToken cancellationToken);

    /// <summary>Every finding of one record, resolved ones included, highest priority first: the record's page.</summary>
    Task<IReadOnlyList<FindingState>> ListRecordAsync(string entity, string key, CancellationToken cancellationToken);

    /// <summary>A team's findings that a weekly digest can show: every unresolved one, and those first seen or resolved
    /// from <paramref name="since"/> on.</summary>
    Task<IReadOnlyList<FindingState>> ListTeamAsync(string team, DateTimeOffset since, CancellationToken cancellationToken);
}
