using Monitoring.Quality;
using Monitoring.Quality.Scoring;

namespace Monitoring.Storage;

/// <summary>One record's score at the scan that changed it: a point of its grade history.</summary>
public sealed record RecordScorePoint(
    string Entity,
    string Key,
    DateTimeOffset ScannedAt,
    double Score,
    QualityGrade Grade,
    IReadOnlyDictionary<QualityDimension, double> Dimensions);

/// <summary>
/// Each record's grade history. A scan hands over every score it computed and only the changes are kept (score, grade
/// or a dimension score differing from the record's latest row), so the table grows with change, not with scans.
/// </summary>
public interface IQualityHistoryStore
{
    /// <summary>Writes a row for each record whose score, grade or dimension scores differ from its latest row (or
    /// that has none yet); returns how many rows were written.</summary>
    Task<int> SaveChangedAsync(IReadOnlyList<RecordScore> scores, DateTimeOffset scannedAt, CancellationToken cancellationToken);

    /// <summary>The record's history, oldest first; the last point is its current score. Empty when never scored.</summary>
    Task<IReadOnlyList<RecordScorePoint>> ListAsync(string entity, string key, CancellationToken cancellationToken);
}
