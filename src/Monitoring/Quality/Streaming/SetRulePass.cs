using Monitoring.Quality.Rules;
using Monitoring.Storage;

namespace Monitoring.Quality.Streaming;

/// <summary>
/// The set-level rules of a streamed full scan (<see cref="IQualityRule.IsSetLevel"/>: unique, shared image,
/// near-duplicate names), judged before the stream on records that hold only the columns those rules read
/// (<see cref="SetRule.Reads"/>, the owner's <see cref="SetRule.OwnerReads"/>, the rule's <c>when:</c> fields and the
/// keys). Such a rule must see every record of its entity at once; a whole row of each of millions of products and
/// media would not fit, their few columns do. What is kept afterwards is per rule the keys that passed and the checks
/// that failed, which the stream then slots into each record's checks at the rule's place.
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
        var loaded = await QualityRecordLoader.LoadAsync(shop, setRules, revenueSince, cancellationToken, columns: Columns(setRules),
            referenceSets: context.ReferenceSets);
        var evaluation = await new QualityEvaluator(setRules).EvaluateAsync(loaded.Records, context, cancellationToken: cancellationToken);
        var pass = new SetRulePass();
        foreach (var rule in setRules) pass._byRule[rule] = new Judged();
        foreach (var check in evaluation.Checks)
        {
            var judged = pass._byRule[check.Rule];
            if (check.Finding is null && check.Score >= 100) judged.Passed.Add(check.Record.Key);
            else judged.Failed[check.Record.Key] = check;
        }
        return pass;
    }

    /// <summary>Whether <paramref name="rule"/> was judged here (it is set-level).</summary>
    public bool Judges(QualityRuleDefinition rule) => _byRule.ContainsKey(rule);

    /// <summary>The rule's check of a record: its failure, a pass, or null when the rule did not apply to it (or the
    /// record was written after this pass read the table; the next full scan judges it).</summary>
    public (double Score, QualityFinding? Finding)? CheckOf(QualityRuleDefinition rule, string key)
    {
        var judged = _byRule[rule];
        if (judged.Failed.TryGetValue(key, out var failed)) return (failed.Score, failed.Finding);
        return judged.Passed.Contains(key) ? (100, null) : null;
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
        public HashSet<string> Passed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, RuleCheck> Failed { get; } = new(StringComparer.Ordinal);
    }
}
