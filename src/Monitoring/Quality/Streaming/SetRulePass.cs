using System.Diagnostics;
using Monitoring.Quality.Rules;
using Monitoring.Storage;

namespace Monitoring.Quality.Streaming;

/// <summary>
/// The set-level rules of a streamed full scan (<see cref="IQualityRule.IsSetLevel"/>: unique, shared image,
/// near-duplicate names), judged before the stream on records that hold only the columns those rules read
/// (<see cref="SetRule.Reads"/>, the owner's <see cref="SetRule.OwnerReads"/>, the rule's <c>when:</c> fields and the
/// keys). Such a rule must see every record of its entity at once; a whole row of each of millions of products and
/// media would not fit, their few columns do. What is kept afterwards is per rule the checks that failed, which the
/// stream then slots into each record's checks at the rule's place (a record that the rule applies to and that did
/// not fail passed).
/// </summary>
public sealed class SetRulePass
{
    private readonly Dictionary<QualityRuleDefinition, Judged> _byRule = new(ReferenceEqualityComparer.Instance);

    private SetRulePass()
    {
    }

    /// <summary>An empty pass, for rule sets without set-level rules.</summary>
    public static SetRulePass None { get; } = new();

    /// <summary>Judges the set-level ones of <paramref name="rules"/>.</summary>
    public static async Task<SetRulePass> RunAsync(SqlShopRecords shop, IReadOnlyList<QualityRuleDefinition> rules, DateTimeOffset revenueSince,
        QualityScanContext context, CancellationToken cancellationToken)
    {
        var setRules = rules.Where(r => r.Rule.IsSetLevel).ToList();
        if (setRules.Count == 0) return None;
        // Products get their related rows only for a set-level product rule that declares no columns (it may read them).
        var loaded = await QualityRecordLoader.LoadAsync(shop, setRules, revenueSince, cancellationToken, columns: Columns(setRules),
            referenceSets: context.ReferenceSets, attachToProducts: setRules.Any(r => r.Entity == "product" && r.Rule is not SetRule));
        var byEntity = loaded.Records.ToLookup(r => r.Entity, StringComparer.Ordinal);
        var pass = new SetRulePass();
        var judged = new Judged[setRules.Count];
        // One rule per core: they share nothing but the read-only records.
        await Parallel.ForEachAsync(Enumerable.Range(0, setRules.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                judged[i] = await JudgeAsync(setRules[i], byEntity[setRules[i].Entity].Where(setRules[i].When.Matches).ToList(), context, ct);
                context.Profile?.Add(setRules[i].Kind, started);
            });
        for (var i = 0; i < setRules.Count; i++) pass._byRule[setRules[i]] = judged[i];
        return pass;
    }

    /// <summary>A rule's failures, by key. A rule that can tell from a record alone whether it gets an outcome
    /// (<see cref="SetRule.Applies"/>) keeps nothing else: the stream knows a pass when it sees one. Another keeps the
    /// keys that passed.</summary>
    private static async Task<Judged> JudgeAsync(QualityRuleDefinition rule, IReadOnlyList<QualityRecord> applicable, QualityScanContext context,
        CancellationToken cancellationToken)
    {
        var judged = new Judged();
        if (applicable.Count == 0) return judged;
        if (rule.Rule is SetRule set && applicable.All(r => set.Applies(r) is not null))
        {
            // Null: the comparison threw, and the rule yields nothing this scan, passes included.
            var failures = set.Failures(applicable, context);
            judged.Completed = failures is not null;
            foreach (var failure in failures ?? []) judged.Failed[failure.Record.Key] = (failure.Score, QualityEvaluator.FindingOf(rule, failure));
            return judged;
        }
        judged.Passed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in await rule.Rule.EvaluateAsync(applicable, context, cancellationToken))
        {
            if (outcome.Passed) judged.Passed.Add(outcome.Record.Key);
            else judged.Failed[outcome.Record.Key] = (outcome.Score, QualityEvaluator.FindingOf(rule, outcome));
        }
        return judged;
    }

    /// <summary>Whether <paramref name="rule"/> was judged here (it is set-level).</summary>
    public bool Judges(QualityRuleDefinition rule) => _byRule.ContainsKey(rule);

    /// <summary>The rule's check of a record of the stream: its failure, a pass, or null when the rule does not apply
    /// to it. A record written after this pass read the table is judged on its own (it passes when the rule applies
    /// to it, or, for a rule that cannot tell, does not apply); the next full scan compares it with the others.</summary>
    public (double Score, QualityFinding? Finding)? CheckOf(QualityRuleDefinition rule, QualityRecord record)
    {
        var judged = _byRule[rule];
        if (judged.Failed.TryGetValue(record.Key, out var failed)) return failed;
        if (judged.Passed is { } passed) return passed.Contains(record.Key) ? (100, null) : null;
        return judged.Completed && rule.When.Matches(record) && ((SetRule)rule.Rule).Applies(record) == true ? (100, null) : null;
    }

    /// <summary>The fields each table must be read with: the rules' own, their <c>when:</c> fields, the owner's
    /// (a media's product, a contact's account: its revenue weighs the finding, so it is read even when no field of
    /// it is) and the addresses'. A set-level rule that declares nothing gets whole rows.</summary>
    private static Dictionary<string, IReadOnlySet<string>?> Columns(IReadOnlyList<QualityRuleDefinition> rules)
    {
        var columns = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        void Need(string entity, IEnumerable<string>? fields)
        {
            if (!columns.TryGetValue(entity, out var known)) columns[entity] = known = [];
            if (fields is null) columns[entity] = null;
            else known?.UnionWith(fields);
        }
        foreach (var rule in rules)
        {
            var declared = rule.Rule as SetRule;
            Need(rule.Entity, declared is null ? null : rule.When.Fields.Concat(declared.Reads));
            var (owner, link) = rule.Entity switch
            {
                "media" or "tier_price" => ("product", "sku"),
                "contact" or "address" or "order" => ("account", "account_id"),
                _ => (null, null),
            };
            if (owner is not null)
            {
                Need(rule.Entity, [link!]);
                Need(owner, declared?.OwnerReads);
            }
            if (rule.Entity == "account" && (declared is null || declared.AddressReads.Count > 0))
                Need("address", declared is null ? null : declared.AddressReads.Append("account_id"));
            if (rule.Entity == "product" && declared is null)
                foreach (var child in new[] { "media", "tier_price", "product_translation" }) Need(child, null);
        }
        return columns.ToDictionary(c => c.Key, c => (IReadOnlySet<string>?)c.Value, StringComparer.Ordinal);
    }

    private sealed class Judged
    {
        /// <summary>False when the rule's comparison threw: nothing passes.</summary>
        public bool Completed { get; set; }

        /// <summary>The keys that passed, for a rule that cannot tell from a record whether it applies.</summary>
        public HashSet<string>? Passed { get; set; }

        public Dictionary<string, (double Score, QualityFinding? Finding)> Failed { get; } = new(StringComparer.Ordinal);
    }
}
