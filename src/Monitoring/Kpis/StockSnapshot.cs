namespace Monitoring.Kpis;

/// <summary>One SKU's stock on the snapshot day, summed over warehouses, with what the stock KPIs need to know about it.</summary>
/// <param name="Quantity">Units on hand (available + reserved); zero or less means out of stock.</param>
/// <param name="UnitCost">Cost of one unit, excl. VAT, from the product.</param>
/// <param name="Sellable">True for an active product that can be ordered: only these count in the stock-out rate.</param>
/// <param name="LastSold">The day of the SKU's last counted order line, or null if never sold.</param>
/// <param name="Category">The product's top-level category, for the per-category stock history.</param>
public sealed record StockItem(string Sku, decimal Quantity, decimal UnitCost, bool Sellable, DateOnly? LastSold, string? Category = null);

/// <summary>The stock of every SKU on one day.</summary>
public sealed record StockSnapshot(DateOnly Day, IReadOnlyList<StockItem> Items)
{
    /// <summary>Σ max(quantity, 0) × unit cost.</summary>
    public decimal Value => Items.Sum(i => Math.Max(i.Quantity, 0) * i.UnitCost);
}

/// <summary>
/// The stock KPIs' input: the stock figures at the end of the period and, when known, at its start (the end of the day
/// before; with it the average stock is the mean of the two). The cost of goods sold comes from the period's daily facts.
/// </summary>
public sealed record StockInput(StockFigures? Start, StockFigures End)
{
    /// <summary>A SKU with stock and no sale in this many days is dead stock (requirements K-48).</summary>
    public const int DefaultDeadAfterDays = 180;

    /// <summary>The input of two snapshots.</summary>
    public static StockInput Of(StockSnapshot? start, StockSnapshot end, int deadAfterDays = DefaultDeadAfterDays) =>
        new(start is null ? null : StockFigures.Of(start, deadAfterDays), StockFigures.Of(end, deadAfterDays));

    /// <summary>Mean of the start and end stock values, or the end value alone.</summary>
    public decimal AverageValue => Start is null ? End.Value : (Start.Value + End.Value) / 2;
}
