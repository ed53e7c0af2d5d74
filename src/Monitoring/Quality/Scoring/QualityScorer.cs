namespace Monitoring.Quality.Scoring;

/// <summary>
/// Scores records and domains from rule checks (research §6.2). A record's score is the weighted mean of its
/// applicable rules' scores (0–100, weights from severity unless a rule sets one), so rules that do not apply are
/// left out rather than counted as passes; weight-0 (info) rules never move it. Dimension scores are the same mean
/// within each dimension. A domain's score is the revenue-weighted mean of its records' scores.
/// </summary>
public static class QualityScorer
{
    /// <summary>Scores every record the checks cover. A finding <paramref name="waived"/> says is ignored by a person
    /// counts as a pass and not as a blocker: the team decided it is not a defect.</summary>
    public static IReadOnlyList<RecordScore> ScoreRecords(
        IEnumerable<RuleCheck> checks, GradingPolicy? policy = null, Func<QualityFinding, bool>? waived = null)
    {
        policy ??= GradingPolicy.Default;
        // One pass over the checks (a full scan has tens of millions), summing each record's weights in the checks'
        // order: the same sums, in the same order, as grouping them first.
        var byRecord = new Dictionary<(string, string), RecordTally>();
        var order = new List<RecordTally>();
        foreach (var check in checks)
        {
            var key = (check.Record.Entity, check.Record.Key);
            if (!byRecord.TryGetValue(key, out var tally))
            {
                byRecord[key] = tally = new RecordTally(check.Record);
                order.Add(tally);
            }
            var isWaived = check.Finding is { } f && waived?.Invoke(f) == true;
            tally.Add(check.Rule, isWaived ? 100 : check.Score, failed: check.Finding is not null && !isWaived);
        }
        return order.Select(t => t.Score(policy)).ToList();
    }

    /// <summary>One score per domain (catalogue, customers, media) present in the record scores.</summary>
    public static IReadOnlyList<DomainScore> ScoreDomains(IEnumerable<RecordScore> records) =>
        records.GroupBy(r => r.Domain, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ScoreDomain(g.Key, g.ToList())).ToList();

    /// <summary>The revenue-weighted score of a domain, its grade distribution and the share of records with a blocker.</summary>
    public static DomainScore ScoreDomain(string domain, IReadOnlyList<RecordScore> records, GradingPolicy? policy = null)
    {
        policy ??= GradingPolicy.Default;
        var totalWeight = records.Sum(r => (double)r.BusinessWeight);
        var score = totalWeight == 0 ? 100 : records.Sum(r => r.Score * (double)r.BusinessWeight) / totalWeight;
        var grades = Enum.GetValues<QualityGrade>().ToDictionary(g => g, g => records.Count(r => r.Grade == g));
        var dimensions = records.SelectMany(r => r.Dimensions.Select(d => (Dimension: d.Key, d.Value, Weight: (double)r.BusinessWeight)))
            .GroupBy(d => d.Dimension)
            .ToDictionary(g => g.Key, g => Math.Round(g.Sum(d => d.Value * d.Weight) / g.Sum(d => d.Weight), 1));
        var withBlocker = records.Count == 0 ? 0 : (double)records.Count(r => r.OpenBlockers > 0) / records.Count;
        return new DomainScore(domain, Math.Round(score, 1), policy.GradeOf(score, 0), records.Count, grades, dimensions, withBlocker);
    }
}

/// <summary>A record's quality: score 0–100, grade after the blocker gates, and per-dimension scores.</summary>
public sealed record RecordScore(
    string Entity,
    string Key,
    string Domain,
    double Score,
    QualityGrade Grade,
    int OpenBlockers,
    int Findings,
    IReadOnlyDictionary<QualityDimension, double> Dimensions,
    decimal BusinessWeight);

/// <summary>A domain's quality: the revenue-weighted score, the number of records per grade, revenue-weighted
/// dimension scores, and the share of records (0–1) with at least one open blocker.</summary>
public sealed record DomainScore(
    string Domain,
    double Score,
    QualityGrade Grade,
    int Records,
    IReadOnlyDictionary<QualityGrade, int> Grades,
    IReadOnlyDictionary<QualityDimension, double> Dimensions,
    double BlockerShare);
