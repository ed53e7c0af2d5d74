using System.Globalization;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>tier_prices</c> (on products, context: the product's tier prices): within each price list, ordered by minimum
/// quantity, the unit price never rises and no minimum quantity repeats (research PRC.TIER.MONOTONIC); with
/// <c>check_moq</c> (default true) no tier starts under the product's <c>min_order_qty</c> (it could never be
/// bought); with <c>check_order_multiple</c> (default false) every tier starts on a multiple of <c>order_multiple</c>.
/// <c>price_lists</c> limits the check to some lists. A product without tiers does not apply.
/// </summary>
public sealed class TierPriceRule(IReadOnlySet<string>? priceLists, bool checkMoq, bool checkMultiple) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("tier_prices", QualityDimension.Consistency, "tier prices of {key}: {detail}",
        s => new TierPriceRule(s.Strings("price_lists") is { Count: > 0 } lists ? lists.ToHashSet(StringComparer.Ordinal) : null,
            s.Bool("check_moq", true), s.Bool("check_order_multiple", false)));

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        var tiers = record.TierPrices
            .Select(t => (List: t.Text("price_list") ?? "", Min: t.Number("min_qty"), Price: t.Number("unit_price")))
            .Where(t => t.Min is not null && t.Price is not null && (priceLists is null || priceLists.Contains(t.List)))
            .ToList();
        if (tiers.Count == 0) return null;

        var moq = record.Number("min_order_qty");
        var multiple = record.Number("order_multiple");
        foreach (var list in tiers.GroupBy(t => t.List).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = list.OrderBy(t => t.Min).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (_, min, price) = ordered[i];
                // Built only for a failure: most tiers pass, and a full scan checks millions.
                string At() => $"{list.Key} from {Show(min!.Value)}";
                if (i > 0 && ordered[i - 1].Min == min)
                    return RuleOutcome.Fail(record, "min_qty", $"{At()}", "two tiers start at the same quantity");
                if (i > 0 && price > ordered[i - 1].Price)
                    return RuleOutcome.Fail(record, "unit_price", $"{At()}: {Show(price!.Value)} > {Show(ordered[i - 1].Price!.Value)}",
                        "unit price rises with quantity");
                if (checkMoq && moq is > 0 && min < moq)
                    return RuleOutcome.Fail(record, "min_qty", At(), $"tier below the minimum order quantity {Show(moq.Value)}");
                if (checkMultiple && multiple is > 1 && min % multiple != 0)
                    return RuleOutcome.Fail(record, "min_qty", At(), $"tier not a multiple of the order multiple {Show(multiple.Value)}");
            }
        }
        return RuleOutcome.Pass(record);
    }

    private static string Show(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
