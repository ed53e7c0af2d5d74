namespace Monitoring.Quality.Scoring;

/// <summary>
/// The running sums of one record's checks: overall and per dimension (in the order dimensions appear). Fed in the
/// rules' order, one check at a time, so that a streamed scan keeps a record's sums only until its last check and
/// never the checks themselves.
/// </summary>
public sealed class RecordTally(QualityRecord record)
{
    private readonly List<(QualityDimension Dimension, double Weight, double Weighted)> _dimensions = new(4);
    private double _weight;
    private double _weighted;
    private int _blockers;
    private int _findings;

    public void Add(QualityRuleDefinition rule, double score, bool failed)
    {
        var weighted = rule.Weight * Math.Clamp(score, 0, 100);
        _weight += rule.Weight;
        _weighted += weighted;
        if (failed)
        {
            _findings++;
            if (rule.Severity == QualitySeverity.Blocker) _blockers++;
        }
        var at = -1;
        for (var i = 0; i < _dimensions.Count && at < 0; i++)
            if (_dimensions[i].Dimension == rule.Dimension) at = i;
        if (at < 0) _dimensions.Add((rule.Dimension, rule.Weight, weighted));
        else _dimensions[at] = (rule.Dimension, _dimensions[at].Weight + rule.Weight, _dimensions[at].Weighted + weighted);
    }

    public RecordScore Score(GradingPolicy policy)
    {
        var score = Mean(_weight, _weighted) ?? 100;
        var dimensions = _dimensions.Select(d => (d.Dimension, Score: Mean(d.Weight, d.Weighted)))
            .Where(d => d.Score is not null)
            .ToDictionary(d => d.Dimension, d => d.Score!.Value);
        return new RecordScore(record.Entity, record.Key, QualityNames.DomainOf(record.Entity), Math.Round(score, 1),
            policy.GradeOf(score, _blockers), _blockers, _findings, dimensions, record.BusinessWeight);
    }

    /// <summary>The record the checks are of.</summary>
    public QualityRecord Record => record;

    /// <summary>Adds what <see cref="Score"/> would give to a domain's sums (<see cref="DomainTally.Add(RecordScore)"/>),
    /// without building the score and its dictionary of dimensions: a streamed scan that keeps no scores folds a
    /// million records this way.</summary>
    internal void AddTo(DomainTally domains, GradingPolicy policy)
    {
        var score = Mean(_weight, _weighted) ?? 100;
        var sums = domains.Begin(QualityNames.DomainOf(record.Entity), (double)record.BusinessWeight, Math.Round(score, 1),
            policy.GradeOf(score, _blockers), _blockers);
        foreach (var (dimension, weight, weighted) in _dimensions)
            if (Mean(weight, weighted) is { } value) DomainTally.AddDimension(sums, dimension, value, (double)record.BusinessWeight);
    }

    private static double? Mean(double weight, double weighted) => weight <= 0 ? null : weighted / weight;
}
