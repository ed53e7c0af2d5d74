namespace Monitoring.Kpis.Families;

/// <summary>
/// Stock (requirements §1.3 G), from the stock figures of the period's end (and start) rather than daily sums; without a <see cref="StockInput"/> they
/// have no value. Values are at cost, excl. VAT.
/// </summary>
public static class StockKpis
{
    /// <summary>Σ units on hand × unit cost at the end of the period (K-43).</summary>
    public static readonly KpiDefinition StockValue = new("stock_value", "Stock value at cost", KpiUnit.Money, "",
        "negative quantities count as zero", HigherIsBetter: false, KpiAudience.Managers,
        i => With(i, s => KpiValue.Of(s.End.Value))) { Dimensions = Cuts.Stock };

    /// <summary>Cost of goods sold ÷ average stock value, annualised (K-44).</summary>
    public static readonly KpiDefinition StockTurnover = new("stock_turnover", "Stock turnover (per year)", KpiUnit.Count,
        "average stock value", "cost of goods from counted orders; average of the start and end snapshots", HigherIsBetter: true,
        KpiAudience.Managers,
        i => With(i, s => KpiValue.Ratio(i.Sums.CostOfGoods * 365m / i.Period.Days, s.AverageValue))) { Dimensions = Cuts.Stock };

    /// <summary>Average stock value ÷ average daily cost of goods sold (K-45, = 365 ÷ turnover).</summary>
    public static readonly KpiDefinition DaysInStock = new("days_in_stock", "Average days in stock", KpiUnit.Days,
        "cost of goods sold per day", "cost of goods from counted orders", HigherIsBetter: false, KpiAudience.Managers,
        i => With(i, s => KpiValue.Ratio(s.AverageValue, i.Sums.CostOfGoods / i.Period.Days))) { Dimensions = Cuts.Stock };

    /// <summary>Sellable SKUs with nothing on hand ÷ sellable SKUs (K-47).</summary>
    public static readonly KpiDefinition StockOutRate = new("stock_out_rate", "Stock-out rate", KpiUnit.Ratio, "sellable SKUs",
        "inactive products excluded", HigherIsBetter: false, KpiAudience.Catalogue,
        i => With(i, s => KpiValue.Ratio(s.End.SellableOut, s.End.Sellable)))
        { Dimensions = Cuts.Stock };

    /// <summary>Value of SKUs in stock with no sale in the last N days (180) ÷ stock value (K-48).</summary>
    public static readonly KpiDefinition DeadStockShare = new("dead_stock_share", "Dead stock share", KpiUnit.Ratio, "stock value",
        "dead = in stock and not sold for 180 days (or never)", HigherIsBetter: false, KpiAudience.Catalogue,
        i => With(i, s => KpiValue.Ratio(s.End.DeadValue, s.End.Value))) { Dimensions = Cuts.Stock };

    private static KpiValue With(KpiInput input, Func<StockInput, KpiValue> compute) =>
        input.Stock is { } stock ? compute(stock) : KpiValue.Missing("needs a stock snapshot");

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } = [StockValue, StockTurnover, DaysInStock, StockOutRate, DeadStockShare];
}
