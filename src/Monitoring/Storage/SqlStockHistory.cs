using System.Globalization;
using System.Text.Json;
using Dapper;
using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// Each shop day's stock figures, for the whole shop (<see cref="AllCategories"/>) and per top-level category: the
/// stock KPIs of a period long past read its end (and start) here, since the stock table holds today's levels only.
/// The same SQL on both backends (day and figures as text, like the KPI rollup).
/// </summary>
public sealed class SqlStockHistory(IDbConnectionFactory database)
{
    /// <summary>The category of the whole shop's row.</summary>
    public const string AllCategories = "*";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes (or rewrites) the day's rows: the last run of a day stands for its end.</summary>
    public async Task SaveAsync(DateOnly day, IReadOnlyDictionary<string, StockFigures> byCategory, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO stock_history (day, category, figures, recorded_at) VALUES (@Day, @Category, @Figures, @At)
            ON CONFLICT (day, category) DO UPDATE SET figures = excluded.figures, recorded_at = excluded.recorded_at
            """,
            byCategory.Select(c => new
            {
                Day = text, Category = c.Key, Figures = JsonSerializer.Serialize(c.Value, Json),
                At = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            }).ToList(), transaction, cancellationToken: cancellationToken));
        // A category no longer in the catalogue keeps no row for today (a rerun after products moved).
        // (Found in C#: a list parameter is expanded by Dapper on SQLite but sent as an array to PostgreSQL.)
        var gone = (await connection.QueryAsync<string>(new CommandDefinition("SELECT category FROM stock_history WHERE day = @Day",
            new { Day = text }, transaction, cancellationToken: cancellationToken))).Where(c => !byCategory.ContainsKey(c)).ToList();
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM stock_history WHERE day = @Day AND category = @Category",
            gone.Select(c => new { Day = text, Category = c }).ToList(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Writes many days' rows in one transaction, keeping any row already there (the demo's back-filled history).</summary>
    public async Task<int> AddMissingAsync(IEnumerable<(string Category, StockFigures Figures)> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO stock_history (day, category, figures, recorded_at) VALUES (@Day, @Category, @Figures, @At)
            ON CONFLICT (day, category) DO NOTHING
            """,
            rows.Select(r => new
            {
                Day = r.Figures.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Category,
                Figures = JsonSerializer.Serialize(r.Figures, Json), At = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            }).ToList(), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The figures of one category (or <see cref="AllCategories"/>) from <paramref name="from"/> to <paramref name="to"/>, by day.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, StockFigures>> LoadAsync(string category, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, string Figures)>(new CommandDefinition("""
            SELECT day, figures FROM stock_history WHERE category = @Category AND day >= @From AND day <= @To
            """, new
            {
                Category = category,
                From = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                To = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r => JsonSerializer.Deserialize<StockFigures>(r.Figures, Json)!);
    }

    /// <summary>The number of days kept for the whole shop (the stock history's depth).</summary>
    public async Task<int> DaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM stock_history WHERE category = '*'", cancellationToken: cancellationToken));
    }
}
