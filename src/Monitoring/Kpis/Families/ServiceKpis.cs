namespace Monitoring.Kpis.Families;

/// <summary>Customer service health (requirements K-36, K-37; "santé du service client").</summary>
public static class ServiceKpis
{
    /// <summary>Net Promoter Score: (promoters − detractors) ÷ answers × 100, from −100 to 100 (K-36).</summary>
    public static readonly KpiDefinition Nps = new("nps", "Net Promoter Score", KpiUnit.Score, "NPS answers",
        "promoters 9–10, passives 7–8, detractors 0–6", HigherIsBetter: true, KpiAudience.Managers,
        i => Score(100m * (i.Sums.NpsPromoters - i.Sums.NpsDetractors), i.Sums.NpsPromoters + i.Sums.NpsPassives + i.Sums.NpsDetractors))
        { Dimensions = Cuts.Feedback };

    /// <summary>Mean product review score, 1 to 5 (K-36).</summary>
    public static readonly KpiDefinition ReviewScore = new("review_score", "Average review score", KpiUnit.Score, "reviews",
        "product reviews only (NPS answers apart)", HigherIsBetter: true, KpiAudience.Managers,
        i => Score(i.Sums.ReviewScoreSum, i.Sums.ReviewCount)) { Dimensions = Cuts.Feedback };

    /// <summary>Tickets opened ÷ orders (K-37).</summary>
    public static readonly KpiDefinition TicketsPerOrder = new("tickets_per_order", "Support tickets per order", KpiUnit.Ratio, "orders",
        Excluding.Orders + "; every ticket counts, with or without an order", HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.Tickets, i.Sums.Orders)) { Dimensions = Cuts.Feedback };

    private static KpiValue Score(decimal numerator, long answers) => KpiValue.Ratio(numerator, answers);

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } = [Nps, ReviewScore, TicketsPerOrder];
}
