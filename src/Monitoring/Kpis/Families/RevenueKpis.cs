namespace Monitoring.Kpis.Families;

/// <summary>Revenue and margin (requirements §1.3 C).</summary>
public static class RevenueKpis
{
    /// <summary>Σ net line amounts of counted orders (K-17).</summary>
    public static readonly KpiDefinition NetRevenue = new("net_revenue", "Net revenue", KpiUnit.Money, "",
        Excluding.Orders + "; " + Excluding.Returns, HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Of(i.Sums.NetRevenue));

    /// <summary>Net revenue − cost of goods (Σ quantity × the unit cost captured on the line) (K-18).</summary>
    public static readonly KpiDefinition GrossMargin = new("gross_margin", "Gross margin", KpiUnit.Money, "",
        Excluding.Orders + "; " + Excluding.Returns, HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Of(i.Sums.NetRevenue - i.Sums.CostOfGoods));

    /// <summary>Gross margin ÷ net revenue (K-18), to be compared across sales channels (R-KPI-07).</summary>
    public static readonly KpiDefinition GrossMarginRate = new("gross_margin_rate", "Gross margin rate", KpiUnit.Ratio, "net revenue",
        Excluding.Orders + "; " + Excluding.Returns, HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.NetRevenue - i.Sums.CostOfGoods, i.Sums.NetRevenue));

    /// <summary>
    /// Net margin per order (K-20) = (net revenue + shipping charged − cost of goods − carrier cost − payment fees) ÷
    /// orders. Carrier cost is booked on the day parcels ship and fees on the day of the attempt, so a single day can
    /// be off; a week or a month evens it out. Packaging, picking and commissions are not in the model yet.
    /// </summary>
    public static readonly KpiDefinition NetMarginPerOrder = new("net_margin_per_order", "Net margin per order", KpiUnit.Money, "orders",
        Excluding.Orders + "; parts: net revenue + shipping charged − cost of goods − carrier cost − payment fees; packaging and commissions not counted",
        HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(NetMargin(i.Sums), i.Sums.Orders)) { Dimensions = Cuts.OrderLevel };

    /// <summary>The numerator of <see cref="NetMarginPerOrder"/>.</summary>
    public static decimal NetMargin(FactSums s) => s.NetRevenue + s.ShippingCharged - s.CostOfGoods - s.ShippingCost - s.PaymentFees;

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } = [NetRevenue, GrossMargin, GrossMarginRate, NetMarginPerOrder];
}
