using Monitoring.Checks;
using Monitoring.Storage;

namespace Monitoring.Kpis;

/// <summary>
/// Keeps today's stock figures in the stock history, for the whole shop and each top-level category, so that the
/// stock KPIs of this day can still be computed when it is long past. Run by the KPI job; a day's later runs rewrite
/// its rows, so the history holds each day's last reading.
/// </summary>
public sealed class StockHistoryRecorder(SqlStockSnapshots stock, SqlStockHistory history, ActiveChecks checks, TimeProvider time)
{
    /// <summary>Reads today's stock and writes its figures; returns them by category (<c>*</c> for the whole shop).</summary>
    public async Task<IReadOnlyDictionary<string, StockFigures>> RecordTodayAsync(CancellationToken cancellationToken)
    {
        var days = ShopDays.Of(checks.Current);
        var now = time.GetUtcNow();
        var today = days.DayOf(now);
        var snapshot = await stock.LoadAsync(today, days, category: null, StockInput.DefaultDeadAfterDays, cancellationToken);
        var figures = Figures(snapshot, StockInput.DefaultDeadAfterDays);
        await history.SaveAsync(today, figures, now, cancellationToken);
        return figures;
    }

    /// <summary>The figures of a snapshot for the whole shop and for each top-level category it has products in.</summary>
    public static IReadOnlyDictionary<string, StockFigures> Figures(StockSnapshot snapshot, int deadAfterDays)
    {
        var figures = new Dictionary<string, StockFigures>(StringComparer.Ordinal)
        {
            [SqlStockHistory.AllCategories] = StockFigures.Of(snapshot, deadAfterDays),
        };
        foreach (var category in snapshot.Items.Where(i => i.Category is not null).GroupBy(i => i.Category!, StringComparer.Ordinal))
            figures[category.Key] = StockFigures.Of(snapshot.Day, category, deadAfterDays);
        return figures;
    }
}
