using System.Text;

namespace Monitoring.Quality;

/// <summary>
/// Runs the configured rules over a batch of records: each rule sees the records of its entity that match its
/// <c>when:</c>, and every outcome becomes a <see cref="RuleCheck"/> (a pass, a partial score or a finding). The
/// checks feed <see cref="Scoring.QualityScorer"/>; their findings feed <see cref="Findings.FindingLifecycle"/>.
/// </summary>
public sealed class QualityEvaluator(IReadOnlyList<QualityRuleDefinition> rules)
{
    public IReadOnlyList<QualityRuleDefinition> Rules { get; } = rules;

    /// <summary>Evaluates the rules of <paramref name="only"/> (all by default) on the records, which may mix entities.
    /// Give set-level rules (<see cref="IQualityRule.IsSetLevel"/>) the entity's whole scope. The rules run in
    /// parallel, one per core (they share nothing but the read-only records); the checks come out in the rules'
    /// order, as if they had run one after the other.</summary>
    public async Task<QualityEvaluation> EvaluateAsync(
        IReadOnlyList<QualityRecord> records, QualityScanContext context, Func<QualityRuleDefinition, bool>? only = null,
        CancellationToken cancellationToken = default)
    {
        var byEntity = records.GroupBy(r => r.Entity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Fetch every medium's URL once, before the rules that read what it serves (size, dimensions, reachability).
        if (context.MediaProbe is { } probe && byEntity.TryGetValue("media", out var media)
            && Rules.Any(r => r.Entity == "media" && Media.MediaMeasurement.Kinds.Contains(r.Kind) && (only?.Invoke(r) ?? true)))
            byEntity["media"] = await Media.MediaMeasurement.MeasureAsync(media, probe, cancellationToken);
        var evaluated = Rules.Where(r => only?.Invoke(r) ?? true).ToList();
        var checksByRule = new List<RuleCheck>[evaluated.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, evaluated.Count), options, async (i, ct) =>
        {
            var rule = evaluated[i];
            var checks = checksByRule[i] = [];
            if (!byEntity.TryGetValue(rule.Entity, out var ofEntity)) return;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var applicable = ofEntity.Where(rule.When.Matches).ToList();
            if (applicable.Count == 0) return;
            var outcomes = await rule.Rule.EvaluateAsync(applicable, context, ct);
            context.Profile?.Add(rule.Kind, started);
            checks.Capacity = outcomes.Count;
            foreach (var outcome in outcomes)
                checks.Add(new RuleCheck(rule, outcome.Record, outcome.Score, outcome.Passed ? null : FindingOf(rule, outcome)));
        });
        var all = new List<RuleCheck>(checksByRule.Sum(c => c.Count));
        foreach (var checks in checksByRule) all.AddRange(checks);
        return new QualityEvaluation(all, evaluated.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The finding of a failed outcome: the message filled in, priority = weight × business weight.</summary>
    public static QualityFinding FindingOf(QualityRuleDefinition rule, RuleOutcome outcome) =>
        new(rule.Id, rule.Entity, outcome.Record.Key, rule.Severity, rule.Dimension, outcome.Field, outcome.Value,
            Format(rule.Message, outcome), rule.Fix, rule.Team, rule.Weight * (double)outcome.Record.BusinessWeight);

    /// <summary>Fills <c>{field}</c>, <c>{value}</c>, <c>{detail}</c> and <c>{key}</c>; an empty value reads "(empty)".</summary>
    public static string Format(string template, RuleOutcome outcome)
    {
        var text = new StringBuilder(template)
            .Replace("{field}", outcome.Field ?? "")
            .Replace("{value}", outcome.Value ?? "(empty)")
            .Replace("{detail}", outcome.Detail ?? "")
            .Replace("{key}", outcome.Record.Key)
            .ToString();
        return text.Trim();
    }
}

/// <summary>One rule judged on one record: <see cref="Finding"/> is null when it passed.</summary>
public sealed record RuleCheck(QualityRuleDefinition Rule, QualityRecord Record, double Score, QualityFinding? Finding);

/// <summary>What one evaluation produced: every check, and the ids of the rules that ran (the lifecycle's scope).</summary>
public sealed record QualityEvaluation(IReadOnlyList<RuleCheck> Checks, IReadOnlySet<string> RuleIds)
{
    public IEnumerable<QualityFinding> Findings => Checks.Select(c => c.Finding).OfType<QualityFinding>();
}
