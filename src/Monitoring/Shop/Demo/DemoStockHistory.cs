using Monitoring.Kpis;
using Monitoring.Storage;

namespace Monitoring.Shop.Demo;

/// <summary>
/// The demo shop's stock history. A real shop's history starts the day the service first runs (the stock table holds
/// today's levels only); the demo's two years of orders would otherwise show stock KPIs for the last days alone. So,
/// from today's real figures, it writes a made-up past for each day of the generated history: the stock value drifting
/// with the seasons (a peak before the autumn, like the orders), stock-outs and dead stock wandering around today's
/// shares. Deterministic (fixed seed); never overwrites a day already kept.
/// </summary>
public static class DemoStockHistory
{
    /// <summary>Writes the made-up figures of every day from <paramref name="first"/> to the day before <paramref name="today"/>'s.</summary>
    public static async Task<int> BackfillAsync(SqlStockHistory history, IReadOnlyDictionary<string, StockFigures> today, DateOnly first,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var random = new Random(4711);
        var rows = new List<(string, StockFigures)>();
        var last = today[SqlStockHistory.AllCategories].Day.AddDays(-1);
        var drift = 0.0;
        for (var day = last; day >= first; day = day.AddDays(-1))
        {
            // A slow random walk around a yearly season, the same for every category so that they add up to the whole.
            drift = Math.Clamp(drift + (random.NextDouble() - 0.5) * 0.02, -0.12, 0.12);
            var season = 0.10 * Math.Sin(2 * Math.PI * (day.DayOfYear - 200) / 365.0);
            var level = (decimal)(1 + season + drift);
            var outShift = (random.NextDouble() - 0.5) * 0.04;
            var deadShare = 1 + (decimal)((random.NextDouble() - 0.5) * 0.2);
            foreach (var (category, now) in today)
            {
                var outRate = now.Sellable == 0 ? 0 : Math.Clamp((double)now.SellableOut / now.Sellable + outShift - (double)(level - 1) / 4, 0, 1);
                rows.Add((category, new StockFigures(day, Math.Round(now.Value * level, 2), now.Sellable,
                    (int)Math.Round(now.Sellable * outRate), Math.Round(Math.Min(now.DeadValue * deadShare, now.Value * level), 2))));
            }
        }
        return await history.AddMissingAsync(rows, at, cancellationToken);
    }
}
