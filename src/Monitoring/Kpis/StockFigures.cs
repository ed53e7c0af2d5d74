namespace Monitoring.Kpis;

/// <summary>
/// What the stock KPIs need of one day's stock, summed: kept per day in the stock history (the stock table itself
/// holds today's levels only), so a period long past still has its end stock.
/// </summary>
/// <param name="Day">The shop day the stock was taken on.</param>
/// <param name="Value">Σ max(quantity, 0) × unit cost, excl. VAT.</param>
/// <param name="Sellable">Active products that can be ordered (the stock-out rate's denominator).</param>
/// <param name="SellableOut">Of those, the ones with nothing on hand.</param>
/// <param name="DeadValue">Stock value of the SKUs in stock that have not sold for the dead-stock window.</param>
public sealed record StockFigures(DateOnly Day, decimal Value, int Sellable, int SellableOut, decimal DeadValue)
{
    /// <summary>The figures of a snapshot, a SKU being dead when it has not sold for <paramref name="deadAfterDays"/> days.</summary>
    public static StockFigures Of(StockSnapshot snapshot, int deadAfterDays) => Of(snapshot.Day, snapshot.Items, deadAfterDays);

    /// <summary>The figures of some of a snapshot's items (one category's).</summary>
    public static StockFigures Of(DateOnly day, IEnumerable<StockItem> items, int deadAfterDays)
    {
        decimal value = 0, dead = 0;
        int sellable = 0, sellableOut = 0;
        foreach (var item in items)
        {
            var onHand = Math.Max(item.Quantity, 0) * item.UnitCost;
            value += onHand;
            if (item.Sellable)
            {
                sellable++;
                if (item.Quantity <= 0) sellableOut++;
            }
            if (item.Quantity > 0 && (item.LastSold is null || item.LastSold.Value.DayNumber <= day.DayNumber - deadAfterDays)) dead += onHand;
        }
        return new StockFigures(day, value, sellable, sellableOut, dead);
    }
}
