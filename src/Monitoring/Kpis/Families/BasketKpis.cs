namespace Monitoring.Kpis.Families;

/// <summary>Orders and basket (requirements §1.3 D).</summary>
public static class BasketKpis
{
    /// <summary>Counted orders, every channel (K-14).</summary>
    public static readonly KpiDefinition Orders = new("orders", "Orders", KpiUnit.Count, "",
        Excluding.Orders, HigherIsBetter: true, KpiAudience.Managers, i => KpiValue.Of(i.Sums.Orders));

    /// <summary>Cancelled orders ÷ orders placed (cancelled + counted).</summary>
    public static readonly KpiDefinition CancellationRate = new("cancellation_rate", "Cancellation rate", KpiUnit.Ratio,
        "orders placed", "synthetic orders excluded; by the day the order was placed", HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.CancelledOrders, i.Sums.Orders + i.Sums.CancelledOrders));

    /// <summary>Net revenue ÷ orders (K-25, the mean).</summary>
    public static readonly KpiDefinition AverageBasket = new("average_basket", "Average basket", KpiUnit.Money, "orders",
        Excluding.Orders, HigherIsBetter: true, KpiAudience.Managers, i => KpiValue.Ratio(i.Sums.NetRevenue, i.Sums.Orders));

    /// <summary>
    /// Median order value (K-25): B2B baskets have outliers; estimated within 0.5 % from the daily histograms. Whole
    /// orders only, so not per product category (an order spans several).
    /// </summary>
    public static readonly KpiDefinition MedianBasket = new("median_basket", "Median basket", KpiUnit.Money, "orders",
        Excluding.Orders + "; estimated from 1 %-wide value buckets", HigherIsBetter: true, KpiAudience.Managers,
        i => i.Sums.Baskets.Median is { } median ? new KpiValue(median, null, i.Sums.Baskets.Total) : KpiValue.Missing("no orders"))
        { Dimensions = Cuts.OrderLevel };

    /// <summary>
    /// Orders ÷ distinct ordering accounts (K-26). Exact with account counts; without them the denominator is the sum
    /// of daily distinct accounts (exact for a day, account-days for longer).
    /// </summary>
    public static readonly KpiDefinition OrdersPerAccount = new("orders_per_account", "Orders per account", KpiUnit.Count,
        "ordering accounts", Excluding.Orders, HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.Orders, i.Accounts?.OrderingAccounts ?? i.Sums.OrderingAccounts)) { Dimensions = Cuts.Accounts };

    /// <summary>Orders in the 365 days ending with the period ÷ accounts that ordered in them (K-27): orders per account per year.</summary>
    public static readonly KpiDefinition PurchaseFrequency = new("purchase_frequency", "Purchase frequency (orders per account per year)",
        KpiUnit.Count, "accounts with an order in the last 365 days", Excluding.Orders, HigherIsBetter: true, KpiAudience.Managers,
        i => i.Accounts is { } a ? KpiValue.Ratio(a.OrdersLastYear, a.AccountsLastYear) : KpiValue.Missing("needs account histories"))
        { Dimensions = Cuts.Accounts };

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
        [Orders, CancellationRate, AverageBasket, MedianBasket, OrdersPerAccount, PurchaseFrequency];
}
