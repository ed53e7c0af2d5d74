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
        if (!_domains.TryGetValue(record.Domain, out var sums)) _domains[record.Domain] = sums = new Sums();
        var weight = (double)record.BusinessWeight;
        sums.Records++;
        sums.Weight += weight;
        sums.Weighted += record.Score * weight;
        sums.Grades[(int)record.Grade]++;
        if (record.OpenBlockers > 0) sums.WithBlocker++;
        foreach (var (dimension, value) in record.Dimensions)
        {
            var at = sums.Dimensions.FindIndex(d => d.Dimension == dimension);
            if (at < 0) sums.Dimensions.Add((dimension, value * weight, weight));
            else sums.Dimensions[at] = (dimension, sums.Dimensions[at].Weighted + value * weight, sums.Dimensions[at].Weight + weight);
        }
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

    private sealed class Sums
    {
        public int Records;
        public double Weight;
        public double Weighted;
        public int WithBlocker;
        public readonly int[] Grades = new int[Enum.GetValues<QualityGrade>().Length];
        public readonly List<(QualityDimension Dimension, double Weighted, double Weight)> Dimensions = [];
    }
}
