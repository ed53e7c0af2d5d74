namespace Monitoring.Kpis.Families;

/// <summary>Customers: acquisition, loyalty and attrition (requirements §1.3 E). The unit is the account, not the buyer.</summary>
public static class CustomerKpis
{
    /// <summary>Accounts opened in the period (K-29).</summary>
    public static readonly KpiDefinition NewAccounts = new("new_accounts", "New accounts", KpiUnit.Count, "",
        "by account opening date", HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Of(i.Sums.NewAccounts)) { Dimensions = Cuts.Accounts };

    /// <summary>Net revenue of accounts opened less than a year before the order ÷ net revenue (the seed's new/recurring split).</summary>
    public static readonly KpiDefinition NewAccountRevenueShare = new("new_account_revenue_share", "Revenue share of new accounts",
        KpiUnit.Ratio, "net revenue", Excluding.Orders + "; new = account opened less than 365 days before the order",
        HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.NewAccountRevenue, i.Sums.NetRevenue)) { Dimensions = Cuts.OrderLevel };

    /// <summary>Accounts with two or more orders in the period ÷ accounts with one or more (K-34b).</summary>
    public static readonly KpiDefinition RepeatAccountRate = new("repeat_account_rate", "Repeat account rate", KpiUnit.Ratio,
        "ordering accounts", Excluding.Orders, HigherIsBetter: true, KpiAudience.Managers,
        i => i.Accounts is { } a ? KpiValue.Ratio(a.RepeatAccounts, a.OrderingAccounts) : KpiValue.Missing("needs account histories"))
        { Dimensions = Cuts.Accounts };

    /// <summary>Ordering accounts that had ordered before the period ÷ ordering accounts (Shopify's returning customer rate).</summary>
    public static readonly KpiDefinition ReturningAccountRate = new("returning_account_rate", "Returning account rate", KpiUnit.Ratio,
        "ordering accounts", Excluding.Orders + "; the earlier order may be any time before the period", HigherIsBetter: true,
        KpiAudience.Managers,
        i => i.Accounts is { } a ? KpiValue.Ratio(a.ReturningAccounts, a.OrderingAccounts) : KpiValue.Missing("needs account histories"))
        { Dimensions = Cuts.Accounts };

    /// <summary>Accounts that became churned during the period ÷ accounts active at its start (K-33, churn by cadence §4.1).</summary>
    public static readonly KpiDefinition AttritionRate = new("attrition_rate", "Attrition rate", KpiUnit.Ratio,
        "accounts active at the start of the period", Excluding.Orders + "; churn judged on each account's own order cadence",
        HigherIsBetter: false, KpiAudience.Managers,
        i => i.Accounts is { } a ? KpiValue.Ratio(a.ChurnedDuring, a.ActiveAtStart) : KpiValue.Missing("needs account histories"))
        { Dimensions = Cuts.Accounts };

    /// <summary>Marketing spend ÷ new accounts (K-35).</summary>
    public static readonly KpiDefinition CustomerAcquisitionCost = new("customer_acquisition_cost", "Customer acquisition cost",
        KpiUnit.Money, "new accounts", "marketing spend only (sales-force cost not in the model); spend excl. VAT",
        HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.MarketingSpend, i.Sums.NewAccounts)) { Dimensions = Cuts.Spend };

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
        [NewAccounts, NewAccountRevenueShare, RepeatAccountRate, ReturningAccountRate, AttritionRate, CustomerAcquisitionCost];
}
