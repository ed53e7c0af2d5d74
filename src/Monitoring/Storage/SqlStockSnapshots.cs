using Dapper;
using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// The stock KPIs' snapshot read from the store: every product with its units on hand summed over warehouses, its
/// unit cost and the day it last sold. The stock table holds the current levels only (no history), so the snapshot
/// is today's.
/// </summary>
public sealed class SqlStockSnapshots(IDbConnectionFactory database)
{
    /// <summary>
    /// The stock on <paramref name="day"/> (the levels as they are now), of the products whose top-level category is
    /// <paramref name="category"/>, or of all. A warehouse with a negative quantity counts as empty rather than lowering
    /// another warehouse's stock; a product without a stock row has none. Sellable: status <c>active</c> (or none given).
    /// Last sold: the last counted order of the product within the dead-stock window, which is all the KPI needs.
    /// </summary>
    public async Task<StockSnapshot> LoadAsync(DateOnly day, ShopDays days, string? category, int deadAfterDays,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var products = await connection.QueryAsync<(string Sku, string? CategoryPath, string? Status, object? UnitCost, object? OnHand)>(
            new CommandDefinition("""
                SELECT p.sku, p.category_path, p.status, p.unit_cost,
                       sum(CASE WHEN s.quantity > 0 THEN s.quantity ELSE 0 END) AS on_hand
                FROM products p LEFT JOIN stock_levels s ON s.sku = p.sku
                GROUP BY p.sku, p.category_path, p.status, p.unit_cost
                """, cancellationToken: cancellationToken));
        var since = days.StartOf(day.AddDays(-deadAfterDays));
        var sold = (await connection.QueryAsync<(string Sku, object LastAt)>(new CommandDefinition("""
                SELECT l.sku, max(o.placed_at) FROM order_lines l JOIN orders o ON o.id = l.order_id
                WHERE o.placed_at >= @Since AND o.is_synthetic = false AND o.status <> 'cancelled' AND l.sku IS NOT NULL
                GROUP BY l.sku
                """, new { Since = database.Dialect.Timestamp(since) }, cancellationToken: cancellationToken)))
            .ToDictionary(s => s.Sku, s => days.DayOf(database.Dialect.ReadTimestamp(s.LastAt)));
        var items = products
            .Where(p => category is null || TopCategory(p.CategoryPath) == category)
            .Select(p => new StockItem(p.Sku, Decimal(p.OnHand), Decimal(p.UnitCost), p.Status is null or "active",
                sold.TryGetValue(p.Sku, out var last) ? last : null, TopCategory(p.CategoryPath)))
            .ToList();
        return new StockSnapshot(day, items);
    }

    /// <summary>The first part of a category path, as the rollup's category segment names it.</summary>
    public static string? TopCategory(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : path.Split('>', 2)[0].Trim() is { Length: > 0 } top ? top : null;

    private static decimal Decimal(object? value) => value is null or DBNull ? 0m : Convert.ToDecimal(value);
}
