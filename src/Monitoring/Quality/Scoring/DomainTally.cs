namespace Monitoring.Quality.Scoring;

/// <summary>
/// <see cref="QualityScorer.ScoreDomains"/> one record at a time: the running sums of each domain's revenue-weighted
/// score, grade counts, dimension scores and blockers, so that a streamed scan needs no list of every record's score.
/// The formulas are those of <see cref="QualityScorer.ScoreDomain"/>.
/// </summary>
public sealed class DomainTally
{
    private readonly Dictionary<string, Sums> _domains = new(StringComparer.Ordinal);

    public void Add(RecordScore record)
    {
        var weight = (double)record.BusinessWeight;
        var sums = Begin(record.Domain, weight, record.Score, record.Grade, record.OpenBlockers);
        foreach (var (dimension, value) in record.Dimensions) AddDimension(sums, dimension, value, weight);
    }

    /// <summary>Counts a record with its score (rounded, as <see cref="RecordScore.Score"/>) in its domain; its
    /// dimensions follow through <see cref="AddDimension"/>.</summary>
    internal Sums Begin(string domain, double weight, double score, QualityGrade grade, int openBlockers)
    {
        if (!_domains.TryGetValue(domain, out var sums)) _domains[domain] = sums = new Sums();
        sums.Records++;
        sums.Weight += weight;
        sums.Weighted += score * weight;
        sums.Grades[(int)grade]++;
        if (openBlockers > 0) sums.WithBlocker++;
        return sums;
    }

    internal static void AddDimension(Sums sums, QualityDimension dimension, double value, double weight)
    {
        var at = -1;
        for (var i = 0; i < sums.Dimensions.Count && at < 0; i++)
            if (sums.Dimensions[i].Dimension == dimension) at = i;
        if (at < 0) sums.Dimensions.Add((dimension, value * weight, weight));
        else sums.Dimensions[at] = (dimension, sums.Dimensions[at].Weighted + value * weight, sums.Dimensions[at].Weight + weight);
    }

    /// <summary>One score per domain seen, by name.</summary>
    public IReadOnlyList<DomainScore> Scores(GradingPolicy? policy = null)
    {
        policy ??= GradingPolicy.Default;
        return _domains.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d =>
        {
            var sums = d.Value;
            var score = sums.Weight == 0 ? 100 : sums.Weighted / sums.Weight;
            var grades = Enum.GetValues<QualityGrade>().ToDictionary(g => g, g => sums.Grades[(int)g]);
            var dimensions = sums.Dimensions.ToDictionary(x => x.Dimension, x => Math.Round(x.Weighted / x.Weight, 1));
            var withBlocker = sums.Records == 0 ? 0 : (double)sums.WithBlocker / sums.Records;
            return new DomainScore(d.Key, Math.Round(score, 1), policy.GradeOf(score, 0), sums.Records, grades, dimensions, withBlocker);
        }).ToList();
    }

    internal sealed class Sums
    {
        public int Records;
        public double Weight;
        public double Weighted;
        public int WithBlocker;
        public readonly int[] Grades = new int[Enum.GetValues<QualityGrade>().Length];
        public readonly List<(QualityDimension Dimension, double Weighted, double Weight)> Dimensions = [];
    }
}
