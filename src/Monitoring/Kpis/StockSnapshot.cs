namespace Monitoring.Kpis;

/// <summary>One SKU's stock on the snapshot day, summed over warehouses, with what the stock KPIs need to know about it.</summary>
/// <param name="Quantity">Units on hand (available + reserved); zero or less means out of stock.</param>
/// <param name="UnitCost">Cost of one unit, excl. VAT, from the product.</param>
/// <param name="Sellable">True for an active product that can be ordered: only these count in the stock-out rate.</param>
/// <param name="LastSold">The day of the SKU's last counted order line, or null if never sold.</param>
public sealed record StockItem(string Sku, decimal Quantity, decimal UnitCost, bool Sellable, DateOnly? LastSold);

/// <summary>The stock of every SKU on one day.</summary>
public sealed record StockSnapshot(DateOnly Day, IReadOnlyList<StockItem> Items)
{
    /// <summary>Σ max(quantity, 0) × unit cost.</summary>
    public decimal Value => Items.Sum(i => Math.Max(i.Quantity, 0) * i.UnitCost);
}

/// <summary>
/// The stock KPIs' input: snapshots at the start and the end of the period (the start one is optional; with it the
/// average stock is the mean of the two). The cost of goods sold comes from the period's daily facts.
/// </summary>
/// <param name="DeadAfterDays">A SKU with stock and no sale in this many days is dead stock (180 by default, requirements K-48).</param>
public sealed record StockInput(StockSnapshot? Start, StockSnapshot End, int DeadAfterDays = 180)
{
    /// <summary>Mean of the start and end stock values, or the end value alone.</summary>
    public decimal AverageValue => Start is null ? End.Value : (Start.Value + End.Value) / 2;
}
