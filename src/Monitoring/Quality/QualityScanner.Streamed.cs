using System.Diagnostics;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Streaming;
using Monitoring.Shop.Model;

namespace Monitoring.Quality;

/// <summary>
/// The full scan's evaluation, streamed so that its memory does not grow with the catalogue: the set-level rules are
/// judged first on the few columns they read (<see cref="SetRulePass"/>); then the catalogue comes in slices of
/// products with their related rows (<see cref="CatalogueSlices"/>), each evaluated, scored and dropped before the
/// next, and only the findings are kept. Accounts, contacts, addresses and orders, far fewer, are evaluated in one
/// batch as before.
/// </summary>
public sealed partial class QualityScanner
{
    private static readonly HashSet<string> CatalogueEntities = new(["product", "media", "tier_price"], StringComparer.Ordinal);

    /// <summary>Products per slice of a streamed scan.</summary>
    public int SliceSize { get; init; } = CatalogueSlices.DefaultSize;

    /// <summary>When set, the full scans add their evaluation's time per rule kind to it.</summary>
    public RuleTimes? Profile { get; init; }

    private async Task<StreamedEvaluation> EvaluateStreamedAsync(IReadOnlyList<QualityRuleDefinition> rules, IReadOnlyList<FindingState> previous,
        DateTimeOffset now, PhaseClock phases, CancellationToken cancellationToken)
    {
        var revenueSince = now - RevenueWindow;
        var ignored = previous.Where(s => s.Status == FindingStatus.Ignored).ToDictionary(s => (s.RuleId, s.Entity, s.Key));
        var evaluation = new StreamedEvaluation(
            f => ignored.TryGetValue((f.RuleId, f.Entity, f.Key), out var state) && FindingLifecycle.StaysIgnored(state, f, now),
            keepScores: history is not null);
        var context = new QualityScanContext { Now = now, ReferenceSets = await ReferenceSetsAsync(rules, cancellationToken), MediaProbe = mediaProbes?.Start(), Profile = Profile };

        var catalogue = rules.Where(r => CatalogueEntities.Contains(r.Entity)).ToList();
        var setRules = await SetRulePass.RunAsync(shop, catalogue, revenueSince, context, cancellationToken);
        phases.End("set rules");

        var needs = CatalogueSlices.Needs.Of(catalogue);
        var productRevenue = needs.Any ? await shop.RevenueAsync(byAccount: false, revenueSince, cancellationToken) : new Dictionary<string, decimal>();
        var waiting = TimeSpan.Zero;
        var evaluating = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await foreach (var slice in CatalogueSlices.ReadAsync(shop, needs, productRevenue, SliceSize, cancellationToken))
        {
            waiting += clock.Elapsed;
            clock.Restart();
            await evaluation.AddAsync(catalogue, setRules, slice, context, cancellationToken);
            evaluating += clock.Elapsed;
            clock.Restart();
        }
        waiting += clock.Elapsed;

        var others = rules.Where(r => !CatalogueEntities.Contains(r.Entity)).ToList();
        if (others.Count > 0)
        {
            clock.Restart();
            var loaded = await QualityRecordLoader.LoadAsync(shop, others, revenueSince, cancellationToken, referenceSets: context.ReferenceSets);
            waiting += clock.Elapsed;
            clock.Restart();
            await evaluation.AddAsync(others, SetRulePass.None, loaded.Records, context, cancellationToken);
            evaluating += clock.Elapsed;
        }
        phases.End("stream");
        phases.Part("read, waited for", waiting);
        phases.Part("evaluate and score", evaluating);
        return evaluation;
    }

    /// <summary>The sets reference and unused-media rules look values up in: every SKU (<c>product</c>) and account
    /// id (<c>account</c>), read as one column each.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ReferenceSetsAsync(IReadOnlyList<QualityRuleDefinition> rules,
        CancellationToken cancellationToken)
    {
        var sets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (!rules.Any(r => r.Kind is "reference" or "unused_media")) return sets;
        sets["product"] = await shop.ValuesAsync(ShopModel.Product, "sku", cancellationToken);
        sets["account"] = await shop.ValuesAsync(ShopModel.Account, "id", cancellationToken);
        return sets;
    }
}
