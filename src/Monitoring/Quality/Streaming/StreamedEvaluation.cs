using System.Diagnostics;
using Monitoring.Quality.Rules;
using Monitoring.Quality.Scoring;

namespace Monitoring.Quality.Streaming;

/// <summary>
/// A full scan's results built one batch of records at a time: each record is judged by its entity's rules in the
/// rules' order, each outcome folded into the record's score at once (as <see cref="QualityScorer.ScoreRecords"/>
/// does), and the score into its domain's sums. Only the findings (the failures) are kept, not the checks: a million
/// products make tens of millions of checks, nearly all passes, and an object per check (with a list of them per
/// rule and a dictionary to find each record's sums) cost more than the rules themselves. The records of a batch are
/// judged in parallel, in chunks, one core each; the domains are summed in the records' order afterwards, so the
/// sums are those of a sequential scan.
/// </summary>
/// <param name="waived">A finding a person ignored that stays ignored: it counts as a pass (the team decided it is
/// not a defect), but is still a finding for the lifecycle.</param>
/// <param name="keepScores">Keep every record's score (for the grade history), which costs memory in proportion to
/// the records.</param>
public sealed class StreamedEvaluation(Func<QualityFinding, bool> waived, bool keepScores)
{
    /// <summary>Records per parallel chunk: enough that handing out a chunk costs nothing next to judging it.</summary>
    private const int ChunkSize = 256;

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
        var batch = await MeasuredAsync(rules, setRules, records, context, cancellationToken);
        var batched = await BatchedAsync(rules, setRules, batch, context, cancellationToken);
        var byEntity = rules.GroupBy(r => r.Entity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var position = rules.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, (IEqualityComparer<QualityRuleDefinition>)ReferenceEqualityComparer.Instance);
        var at = byEntity.ToDictionary(e => e.Key, e => e.Value.Select(r => position[r]).ToArray(), StringComparer.Ordinal);

        var tallies = new RecordTally?[batch.Count];
        var scores = keepScores ? new RecordScore?[batch.Count] : null;
        var chunks = (batch.Count + ChunkSize - 1) / ChunkSize;
        var findings = new List<QualityFinding>[chunks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, () => context.Profile is null ? null : new long[rules.Count], (chunk, _, ticks) =>
        {
            var found = findings[chunk] = [];
            for (var i = chunk * ChunkSize; i < Math.Min(batch.Count, (chunk + 1) * ChunkSize); i++)
                if (byEntity.TryGetValue(batch[i].Entity, out var ofEntity))
                {
                    tallies[i] = Judge(batch[i], ofEntity, at[batch[i].Entity], setRules, batched, context, found, ticks);
                    if (scores is not null) scores[i] = tallies[i]?.Score(GradingPolicy.Default);
                }
            return ticks;
        }, ticks =>
        {
            if (ticks is null) return;
            for (var r = 0; r < ticks.Length; r++) context.Profile!.AddTicks(rules[r].Kind, ticks[r]);
        });

        foreach (var found in findings) _findings.AddRange(found);
        // In the records' order, as a sequential scan adds them.
        for (var i = 0; i < tallies.Length; i++)
        {
            if (scores?[i] is { } score)
            {
                Domains.Add(score);
                _scores!.Add(score);
            }
            else tallies[i]?.AddTo(Domains, GradingPolicy.Default);
        }
    }

    /// <summary>One record's checks, folded in the rules' order as they are made (null when no rule applied to it); its failures go to <paramref name="findings"/>. With <paramref name="ticks"/>, each rule's time is added to its place (<paramref name="positions"/>, in the batch's rules).</summary>
    private RecordTally? Judge(QualityRecord record, QualityRuleDefinition[] rules, int[] positions, SetRulePass setRules,
        IReadOnlyDictionary<QualityRuleDefinition, Dictionary<QualityRecord, RuleOutcome>> batched, QualityScanContext context,
        List<QualityFinding> findings, long[]? ticks)
    {
        var tally = new RecordTally(record);
        var checkedByAny = false;
        var started = ticks is null ? 0 : Stopwatch.GetTimestamp();
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            double score;
            QualityFinding? finding;
            if (setRules.Judges(rule))
            {
                var check = setRules.CheckOf(rule, record);
                if (check is null) { Took(r); continue; }
                (score, finding) = check.Value;
            }
            else
            {
                RuleVerdict? verdict;
                if (batched.TryGetValue(rule, out var outcomes))
                    verdict = outcomes.GetValueOrDefault(record) is { } outcome ? new RuleVerdict(outcome.Score, outcome.Passed ? null : outcome) : null;
                else verdict = rule.When.Matches(record) ? ((RecordRule)rule.Rule).Judge(record, context) : null;
                if (verdict is not { } judged) { Took(r); continue; }
                score = judged.Score;
                finding = judged.Failure is { } failure ? QualityEvaluator.FindingOf(rule, failure) : null;
            }
            var isWaived = finding is not null && waived(finding);
            checkedByAny = true;
            tally.Add(rule, isWaived ? 100 : score, failed: finding is not null && !isWaived);
            if (finding is not null) findings.Add(finding);
            Took(r);
        }
        // A record no rule applied to has no score (it does not count in its domain).
        return checkedByAny ? tally : null;

        void Took(int r)
        {
            if (ticks is null) return;
            var now = Stopwatch.GetTimestamp();
            ticks[positions[r]] += now - started;
            started = now;
        }
    }

    /// <summary>The batch with each medium measured through the scan's probe, when it has one and a rule reads what it
    /// measures (as <see cref="QualityEvaluator"/> does): the records at the same places.</summary>
    private static async Task<IReadOnlyList<QualityRecord>> MeasuredAsync(IReadOnlyList<QualityRuleDefinition> rules, SetRulePass setRules,
        IReadOnlyList<QualityRecord> records, QualityScanContext context, CancellationToken cancellationToken)
    {
        if (context.MediaProbe is not { } probe
            || !rules.Any(r => r.Entity == "media" && Media.MediaMeasurement.Kinds.Contains(r.Kind) && !setRules.Judges(r))) return records;
        var at = Enumerable.Range(0, records.Count).Where(i => records[i].Entity == "media").ToList();
        if (at.Count == 0) return records;
        var measured = await Media.MediaMeasurement.MeasureAsync(at.Select(i => records[i]).ToList(), probe, cancellationToken);
        var batch = records.ToArray();
        for (var i = 0; i < at.Count; i++) batch[at[i]] = measured[i];
        return batch;
    }

    /// <summary>The outcomes of the rules that judge the batch as a whole rather than each record alone (set-level
    /// rules not judged by <paramref name="setRules"/>, the reachability probe), by rule and record.</summary>
    private static async Task<IReadOnlyDictionary<QualityRuleDefinition, Dictionary<QualityRecord, RuleOutcome>>> BatchedAsync(
        IReadOnlyList<QualityRuleDefinition> rules, SetRulePass setRules, IReadOnlyList<QualityRecord> records, QualityScanContext context,
        CancellationToken cancellationToken)
    {
        var batched = new Dictionary<QualityRuleDefinition, Dictionary<QualityRecord, RuleOutcome>>(ReferenceEqualityComparer.Instance);
        foreach (var rule in rules.Where(r => r.Rule is not RecordRule && !setRules.Judges(r)))
        {
            var started = Stopwatch.GetTimestamp();
            var applicable = records.Where(r => r.Entity == rule.Entity && rule.When.Matches(r)).ToList();
            var outcomes = applicable.Count == 0 ? [] : await rule.Rule.EvaluateAsync(applicable, context, cancellationToken);
            context.Profile?.Add(rule.Kind, started);
            var byRecord = batched[rule] = new Dictionary<QualityRecord, RuleOutcome>(ReferenceEqualityComparer.Instance);
            foreach (var outcome in outcomes) byRecord[outcome.Record] = outcome;
        }
        return batched;
    }
}
