namespace Monitoring.Kpis;

/// <summary>
/// Each KPI's formula in words, as its page shows it beside the denominator and the exclusions. The code that computes
/// it is in <c>Families/</c>; a test holds that every KPI of the catalog has its line here.
/// </summary>
public static class KpiFormulas
{
    private static readonly Dictionary<string, string> ById = new(StringComparer.Ordinal)
    {
        ["sessions"] = "number of sessions",
        ["visitors"] = "sum over the days of the distinct visitors of each day",
        ["bounce_rate"] = "sessions of a single page ÷ sessions",
        ["conversion_rate"] = "web orders ÷ sessions",
        ["signed_in_conversion_rate"] = "web orders ÷ signed-in sessions",
        ["cart_abandonment_rate"] = "(sessions that reached the cart − sessions that reached the order) ÷ sessions that reached the cart",
        ["payment_abandonment_rate"] = "(sessions that reached payment − sessions that reached the order) ÷ sessions that reached payment",
        ["payment_refusal_rate"] = "refused or failed payment attempts ÷ payment attempts",
        ["net_revenue"] = "sum of order line amounts excl. VAT, after discounts",
        ["gross_margin"] = "net revenue − cost of goods sold",
        ["gross_margin_rate"] = "(net revenue − cost of goods sold) ÷ net revenue",
        ["net_margin_per_order"] = "(net revenue + shipping charged − cost of goods − carrier cost − payment fees) ÷ orders",
        ["orders"] = "number of orders",
        ["cancellation_rate"] = "cancelled orders ÷ (orders + cancelled orders)",
        ["average_basket"] = "net revenue ÷ orders",
        ["median_basket"] = "median of the orders' net amounts (from a histogram of basket values)",
        ["orders_per_account"] = "orders ÷ accounts that ordered in the period",
        ["purchase_frequency"] = "orders in the 365 days to the period's end ÷ accounts that ordered in them",
        ["new_accounts"] = "accounts opened in the period",
        ["new_account_revenue_share"] = "net revenue of accounts opened less than 365 days before ÷ net revenue",
        ["repeat_account_rate"] = "accounts with two orders or more ÷ accounts that ordered",
        ["returning_account_rate"] = "accounts that ordered before the period and in it ÷ accounts that ordered",
        ["attrition_rate"] = "accounts that churned in the period ÷ accounts active at its start (cadence-based churn)",
        ["customer_acquisition_cost"] = "marketing spend ÷ new accounts",
        ["nps"] = "100 × (promoters − detractors) ÷ NPS answers",
        ["review_score"] = "sum of review stars ÷ reviews",
        ["tickets_per_order"] = "support tickets ÷ orders",
        ["return_rate"] = "units returned ÷ units sold",
        ["delivery_cost_per_parcel"] = "carrier cost ÷ parcels shipped",
        ["delivery_time_days"] = "sum of days from order to delivery (shop-time calendar days) ÷ parcels delivered",
        ["on_time_rate"] = "parcels delivered within the promised days ÷ parcels delivered",
        ["stock_value"] = "sum of quantity × unit cost at the period's end",
        ["stock_turnover"] = "cost of goods sold, annualised ÷ average stock value",
        ["days_in_stock"] = "average stock value ÷ cost of goods sold per day",
        ["stock_out_rate"] = "sellable SKUs with no stock ÷ sellable SKUs",
        ["dead_stock_share"] = "value of stock unsold for the dead-stock period ÷ stock value",
    };

    /// <summary>The formula of the KPI in words; its denominator's name when none is written.</summary>
    public static string Of(KpiDefinition kpi) => ById.GetValueOrDefault(kpi.Id) ?? $"÷ {kpi.DenominatorName}";

    /// <summary>The ids that have a formula written here.</summary>
    public static IEnumerable<string> Ids => ById.Keys;
}
