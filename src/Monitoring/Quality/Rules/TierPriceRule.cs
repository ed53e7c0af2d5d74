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
        // Loops and one sort instead of LINQ's grouping and ordering: every product has tiers, and a full scan checks
        // a million. The order is LINQ's: lists by name (ordinal), tiers by minimum quantity, ties as given.
        var tiers = new Tier[record.TierPrices.Count];
        var count = 0;
        foreach (var t in record.TierPrices)
        {
            var list = t.Text("price_list") ?? "";
            if (t.Number("min_qty") is not { } tierMin || t.Number("unit_price") is not { } tierPrice) continue;
            if (priceLists is not null && !priceLists.Contains(list)) continue;
            tiers[count] = new Tier(list, tierMin, tierPrice, count);
            count++;
        }
        if (count == 0) return null;
        Array.Sort(tiers, 0, count, TierOrder.Instance);

        var moq = record.Number("min_order_qty");
        var multiple = record.Number("order_multiple");
        for (var i = 0; i < count; i++)
        {
            var (listName, min, price, _) = tiers[i];
            var previous = i > 0 && string.Equals(tiers[i - 1].List, listName, StringComparison.Ordinal) ? tiers[i - 1] : (Tier?)null;
            // Built only for a failure: most tiers pass, and a full scan checks millions.
            string At() => $"{listName} from {Show(min)}";
            if (previous?.Min == min)
                return RuleOutcome.Fail(record, "min_qty", $"{At()}", "two tiers start at the same quantity");
            if (previous is { } before && price > before.Price)
                return RuleOutcome.Fail(record, "unit_price", $"{At()}: {Show(price)} > {Show(before.Price)}",
                    "unit price rises with quantity");
            if (checkMoq && moq is > 0 && min < moq)
                return RuleOutcome.Fail(record, "min_qty", At(), $"tier below the minimum order quantity {Show(moq.Value)}");
            if (checkMultiple && multiple is > 1 && min % multiple != 0)
                return RuleOutcome.Fail(record, "min_qty", At(), $"tier not a multiple of the order multiple {Show(multiple.Value)}");
        }
        return Pass(record);
    }

    private readonly record struct Tier(string List, decimal Min, decimal Price, int Given);

    /// <summary>By list (ordinal), minimum quantity, then as given: the order of a stable sort.</summary>
    private sealed class TierOrder : IComparer<Tier>
    {
        public static readonly TierOrder Instance = new();

        public int Compare(Tier x, Tier y)
        {
            var byList = string.CompareOrdinal(x.List, y.List);
            if (byList != 0) return byList;
            var byMin = x.Min.CompareTo(y.Min);
            return byMin != 0 ? byMin : x.Given.CompareTo(y.Given);
        }
    }

    private static string Show(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
