using Dapper;
using Monitoring.Kpis;
using Monitoring.Kpis.Churn;

namespace Monitoring.Storage;

/// <summary>An account as the churn list shows it, with the dimensions the KPIs of a segment filter accounts by.</summary>
public sealed record AccountCard(string Id, string? Name, string? SalesRep, string? Segment, string? Country = null,
    string? AcquisitionChannel = null)
{
    /// <summary>True when the account belongs to the segment (every account belongs to <c>*</c>).</summary>
    public bool IsIn(SegmentKey segment) => segment.Dimension switch
    {
        "*" => true,
        SegmentKey.AccountSegment => Segment == segment.Value,
        SegmentKey.Country => Country == segment.Value,
        SegmentKey.AcquisitionChannel => AcquisitionChannel == segment.Value,
        _ => false,
    };
}

/// <summary>Every account's counted orders (day in the shop's calendar and net value), read for the churn classification.</summary>
public sealed class SqlAccountHistories(IDbConnectionFactory database)
{
    public async Task<(IReadOnlyList<AccountHistory> Histories, IReadOnlyDictionary<string, AccountCard> Accounts)> LoadAsync(
        ShopDays days, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Cancelled and synthetic orders are no purchase; an order's value is the sum of its lines, excl. VAT.
        var orders = await connection.QueryAsync<(string AccountId, object PlacedAt, object? Value)>(new CommandDefinition("""
            SELECT o.account_id, o.placed_at, sum(l.amount)
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
            WHERE o.status <> 'cancelled' AND o.is_synthetic = false AND o.account_id IS NOT NULL AND o.placed_at IS NOT NULL
            GROUP BY o.id, o.account_id, o.placed_at
            """, cancellationToken: cancellationToken));
        var histories = orders
            .GroupBy(o => o.AccountId)
            .Select(g => new AccountHistory(g.Key, g
                .Select(o => new AccountOrder(days.DayOf(database.Dialect.ReadTimestamp(o.PlacedAt)),
                    o.Value is null or DBNull ? 0m : Convert.ToDecimal(o.Value)))
                .OrderBy(o => o.Day).ToList()))
            .ToList();
        var accounts = (await connection.QueryAsync<AccountCard>(new CommandDefinition(
                """
                SELECT id AS Id, name AS Name, sales_rep AS SalesRep, segment AS Segment, country AS Country,
                       acquisition_channel AS AcquisitionChannel
                FROM accounts
                """, cancellationToken: cancellationToken)))
            .ToDictionary(a => a.Id);
        return (histories, accounts);
    }
}
