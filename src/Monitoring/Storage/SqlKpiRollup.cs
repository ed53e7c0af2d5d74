using System.Data.Common;
using Dapper;
using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// Computes one shop day's <see cref="FactSums"/> from the canonical model with range queries on the day's UTC bounds
/// (one SQL text for both backends: SQLite has no time zones, so days are cut in C# by <see cref="ShopDays"/>).
/// Synthetic orders and sessions are left out everywhere; a cancelled order counts only as cancelled.
/// </summary>
public sealed class SqlKpiRollup(IDbConnectionFactory database)
{
    private SqlDialect Dialect => database.Dialect;

    public async Task<FactSums> ComputeDayAsync(DateOnly day, ShopDays days, CancellationToken cancellationToken)
    {
        var (from, to) = days.UtcRange(day);
        var range = new { From = Dialect.Timestamp(from), To = Dialect.Timestamp(to), NewSince = Dialect.Timestamp(from.AddDays(-365)) };
        await using var connection = await database.OpenAsync(cancellationToken);
        CommandDefinition Sql(string text, object? parameters = null) => new(text, parameters ?? range, cancellationToken: cancellationToken);

        var s = await connection.QuerySingleAsync(Sql("""
            SELECT count(*) AS n, count(DISTINCT visitor_id) AS visitors,
                   sum(CASE WHEN pages <= 1 THEN 1 ELSE 0 END) AS bounced,
                   sum(CASE WHEN account_id IS NOT NULL THEN 1 ELSE 0 END) AS signed_in,
                   sum(CASE WHEN furthest_step IN ('product', 'cart', 'checkout', 'payment', 'order') THEN 1 ELSE 0 END) AS product,
                   sum(CASE WHEN furthest_step IN ('cart', 'checkout', 'payment', 'order') THEN 1 ELSE 0 END) AS cart,
                   sum(CASE WHEN furthest_step IN ('checkout', 'payment', 'order') THEN 1 ELSE 0 END) AS checkout,
                   sum(CASE WHEN furthest_step IN ('payment', 'order') THEN 1 ELSE 0 END) AS payment,
                   sum(CASE WHEN furthest_step = 'order' THEN 1 ELSE 0 END) AS ordered
            FROM sessions WHERE started_at >= @From AND started_at < @To AND is_synthetic = false
            """));
        var p = await connection.QuerySingleAsync(Sql("""
            SELECT count(*) AS n, sum(CASE WHEN status IN ('refused', 'error') THEN 1 ELSE 0 END) AS refused, sum(fee) AS fees
            FROM payment_attempts WHERE attempted_at >= @From AND attempted_at < @To
            """));
        var o = await connection.QuerySingleAsync(Sql("""
            SELECT sum(CASE WHEN o.status <> 'cancelled' THEN 1 ELSE 0 END) AS orders,
                   sum(CASE WHEN o.status <> 'cancelled' AND o.channel = 'web' THEN 1 ELSE 0 END) AS web,
                   sum(CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                   sum(CASE WHEN o.status <> 'cancelled' THEN o.discount ELSE 0 END) AS discount,
                   sum(CASE WHEN o.status <> 'cancelled' THEN o.shipping_charged ELSE 0 END) AS shipping,
                   count(DISTINCT CASE WHEN o.status <> 'cancelled' THEN o.account_id END) AS accounts
            FROM orders o WHERE o.placed_at >= @From AND o.placed_at < @To AND o.is_synthetic = false
            """));
        // One row per counted order: its lines' sums, and whether its account is new (opened within a year).
        var perOrder = (await connection.QueryAsync<OrderRow>(Sql("""
            SELECT count(*) AS Lines, sum(l.quantity) AS Units, sum(l.amount) AS Revenue, sum(l.quantity * l.unit_cost) AS Cost,
                   max(CASE WHEN a.opened_at >= @NewSince THEN 1 ELSE 0 END) AS IsNew
            FROM orders o JOIN order_lines l ON l.order_id = o.id LEFT JOIN accounts a ON a.id = o.account_id
            WHERE o.placed_at >= @From AND o.placed_at < @To AND o.is_synthetic = false AND o.status <> 'cancelled'
            GROUP BY o.id
            """))).ToList();
        var r = await connection.QuerySingleAsync(Sql("""
            SELECT count(*) AS n, sum(quantity) AS units, sum(refund_amount) AS amount
            FROM returns WHERE returned_at >= @From AND returned_at < @To
            """));
        var shipped = await connection.QuerySingleAsync(Sql(
            "SELECT count(*) AS n, sum(cost) AS cost FROM shipments WHERE shipped_at >= @From AND shipped_at < @To"));
        var delivered = (await connection.QueryAsync<DeliveryRow>(Sql("""
            SELECT o.placed_at AS PlacedAt, s.delivered_at AS DeliveredAt, s.promised_days AS Promised
            FROM shipments s JOIN orders o ON o.id = s.order_id
            WHERE s.delivered_at >= @From AND s.delivered_at < @To
            """))).ToList();
        var tickets = await connection.ExecuteScalarAsync<long>(Sql(
            "SELECT count(*) FROM support_tickets WHERE created_at >= @From AND created_at < @To"));
        var reviews = await connection.QuerySingleAsync(Sql("""
            SELECT sum(CASE WHEN kind = 'nps' AND score >= 9 THEN 1 ELSE 0 END) AS promoters,
                   sum(CASE WHEN kind = 'nps' AND score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                   sum(CASE WHEN kind = 'nps' AND score <= 6 THEN 1 ELSE 0 END) AS detractors,
                   sum(CASE WHEN kind = 'review' THEN score ELSE 0 END) AS stars,
                   sum(CASE WHEN kind = 'review' THEN 1 ELSE 0 END) AS rated
            FROM reviews WHERE answered_at >= @From AND answered_at < @To
            """));
        var spend = await connection.ExecuteScalarAsync<object?>(Sql(
            "SELECT sum(amount) FROM marketing_spend WHERE day = @Day", new { Day = DayParameter(day) }));
        var newAccounts = await connection.ExecuteScalarAsync<long>(Sql(
            "SELECT count(*) FROM accounts WHERE opened_at >= @From AND opened_at < @To"));

        var onTime = delivered.Count(d => DeliveryDays(d, days) is { } taken && d.Promised is not null && taken <= Long(d.Promised));
        return new FactSums
        {
            Sessions = Long((object?)s.n), Visitors = Long((object?)s.visitors), BouncedSessions = Long((object?)s.bounced), SignedInSessions = Long((object?)s.signed_in),
            ProductStepSessions = Long((object?)s.product), CartStepSessions = Long((object?)s.cart), CheckoutStepSessions = Long((object?)s.checkout),
            PaymentStepSessions = Long((object?)s.payment), OrderStepSessions = Long((object?)s.ordered),
            PaymentAttempts = Long((object?)p.n), PaymentRefusals = Long((object?)p.refused), PaymentFees = Money((object?)p.fees),
            Orders = Long((object?)o.orders), WebOrders = Long((object?)o.web), CancelledOrders = Long((object?)o.cancelled), Discount = Money((object?)o.discount),
            ShippingCharged = Money((object?)o.shipping), OrderingAccounts = Long((object?)o.accounts),
            OrderLines = perOrder.Sum(x => Long(x.Lines)), UnitsSold = perOrder.Sum(x => Money(x.Units)),
            NetRevenue = perOrder.Sum(x => Money(x.Revenue)), CostOfGoods = perOrder.Sum(x => Money(x.Cost)),
            NewAccountOrders = perOrder.Count(x => Long(x.IsNew) == 1), NewAccountRevenue = perOrder.Where(x => Long(x.IsNew) == 1).Sum(x => Money(x.Revenue)),
            ReturningAccountOrders = perOrder.Count(x => Long(x.IsNew) != 1),
            ReturningAccountRevenue = perOrder.Where(x => Long(x.IsNew) != 1).Sum(x => Money(x.Revenue)),
            Baskets = BasketHistogram.Of(perOrder.Select(x => Money(x.Revenue))),
            ReturnLines = Long((object?)r.n), ReturnedUnits = Money((object?)r.units), ReturnsAmount = Money((object?)r.amount),
            Shipments = Long((object?)shipped.n), ShippingCost = Money((object?)shipped.cost),
            DeliveredShipments = delivered.Count, OnTimeDeliveries = onTime,
            DeliveryDaysTotal = delivered.Sum(d => DeliveryDays(d, days) ?? 0),
            Tickets = tickets, NpsPromoters = Long((object?)reviews.promoters), NpsPassives = Long((object?)reviews.passives),
            NpsDetractors = Long((object?)reviews.detractors), ReviewScoreSum = Long((object?)reviews.stars), ReviewCount = Long((object?)reviews.rated),
            MarketingSpend = Money(spend), NewAccounts = newAccounts,
        };
    }

    /// <summary>Days from the order's local date to the delivery's local date (null when the order is unknown).</summary>
    private long? DeliveryDays(DeliveryRow row, ShopDays days)
    {
        if (row.PlacedAt is null || row.DeliveredAt is null) return null;
        var placed = days.DayOf(Dialect.ReadTimestamp(row.PlacedAt));
        var delivered = days.DayOf(Dialect.ReadTimestamp(row.DeliveredAt));
        return delivered.DayNumber - placed.DayNumber;
    }

    private sealed class OrderRow
    {
        public object? Lines { get; init; }
        public object? Units { get; init; }
        public object? Revenue { get; init; }
        public object? Cost { get; init; }
        public object? IsNew { get; init; }
    }

    private sealed class DeliveryRow
    {
        public object? PlacedAt { get; init; }
        public object? DeliveredAt { get; init; }
        public object? Promised { get; init; }
    }

    /// <summary>A calendar day as the backend stores it (text on SQLite, date on PostgreSQL).</summary>
    private object DayParameter(DateOnly day) => Dialect.Name == "sqlite" ? day.ToString("yyyy-MM-dd") : day;

    private static long Long(object? value) => value is null or DBNull ? 0 : Convert.ToInt64(value);

    private static decimal Money(object? value) => value is null or DBNull ? 0m : Math.Round(Convert.ToDecimal(value), 4);
}
