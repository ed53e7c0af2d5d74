using Monitoring.Quality.Scoring;

namespace Monitoring.Quality.Streaming;

/// <summary>
/// A full scan's results built one batch of records at a time: each batch's rules are evaluated, each record's checks
/// folded into its score in the rules' order (as <see cref="QualityScorer.ScoreRecords"/> does), and the score into
/// its domain's sums. Only the findings (the failures) are kept, not the checks: a million products make tens of
/// millions of checks, nearly all passes.
/// </summary>
/// <param name="waived">A finding a person ignored that stays ignored: it counts as a pass (the team decided it is
/// not a defect), but is still a finding for the lifecycle.</param>
/// <param name="keepScores">Keep every record's score (for the grade history), which costs memory in proportion to
/// the records.</param>
public sealed class StreamedEvaluation(Func<QualityFinding, bool> waived, bool keepScores)
{
    private readonly List<QualityFinding> _findings = [];
    private readonly List<RecordScore>? _scores = keepScores ? [] : null;

    /// <summary>Every finding of the batches, waived ones included.</summary>
    public IReadOnlyList<QualityFinding> Findings => _findings;

    /// <summary>The domains' running sums.</summary>
    public DomainTally Domains { get; } = new();

    /// <summary>Every record's score, when kept; else empty.</summary>
    public IReadOnlyList<RecordScore> Scores => _scores ?? [];

    /// <summary>The records evaluated so far.</summary>
    public int Records { get; private set; }

    /// <summary>Evaluates <paramref name="rules"/> on a batch (the set-level ones judged by <paramref name="setRules"/>
    /// are taken from it) and folds the results in. Every record of the batch is complete when it is given: its
    /// related rows are attached, and no later batch holds another check of it.</summary>
    public async Task AddAsync(IReadOnlyList<QualityRuleDefinition> rules, SetRulePass setRules, IReadOnlyList<QualityRecord> records,
        QualityScanContext context, CancellationToken cancellationToken)
    {
        Records += records.Count;
        var evaluation = await new QualityEvaluator(rules).EvaluateAsync(records, context, r => !setRules.Judges(r), cancellationToken);
        var tallies = new Dictionary<(string, string), RecordTally>();
        var order = new List<RecordTally>();
        void Fold(QualityRuleDefinition rule, QualityRecord record, double score, QualityFinding? finding)
        {
            if (!tallies.TryGetValue((record.Entity, record.Key), out var tally))
            {
                tallies[(record.Entity, record.Key)] = tally = new RecordTally(record);
                order.Add(tally);
            }
            var isWaived = finding is not null && waived(finding);
            tally.Add(rule, isWaived ? 100 : score, failed: finding is not null && !isWaived);
            if (finding is not null) _findings.Add(finding);
        }

        // The evaluator's checks come in the rules' order; a set-level rule's are slotted in at its place.
        var checks = evaluation.Checks;
        var next = 0;
        ILookup<string, QualityRecord>? byEntity = null;
        foreach (var rule in rules)
        {
            if (setRules.Judges(rule))
            {
                byEntity ??= records.ToLookup(r => r.Entity, StringComparer.Ordinal);
                foreach (var record in byEntity[rule.Entity])
                    if (setRules.CheckOf(rule, record.Key) is { } check) Fold(rule, record, check.Score, check.Finding);
                continue;
            }
            for (; next < checks.Count && ReferenceEquals(checks[next].Rule, rule); next++)
                Fold(rule, checks[next].Record, checks[next].Score, checks[next].Finding);
        }

        foreach (var tally in order)
        {
            var score = tally.Score(GradingPolicy.Default);
            Domains.Add(score);
            _scores?.Add(score);
        }
    }
}
