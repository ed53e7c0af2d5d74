namespace Monitoring.Storage;

/// <summary>
/// The rollup's queries, one per table, each over the runs of days of a <see cref="RollupRanges"/> and grouped by shop day (<c>d</c>, a day
/// number) and the dimensions the table's rows carry. See <see cref="SqlKpiRollup"/> for what each dimension is.
/// </summary>
internal static class KpiRollupSql
{
    /// <summary>
    /// Every session of the range, one row each, in time order, so that <see cref="SessionDays"/> sees one shop day
    /// after the other and counts each day's distinct visitors (overall, per channel, per country) in memory. This is
    /// one index range scan; the former grouped query needed three sorts (one <c>row_number()</c> window per
    /// distinct count), which cost four times the scan (measured, see the benchmarks' README). Step is the rank of the
    /// furthest funnel step: 1 product, 2 cart, 3 checkout, 4 payment, 5 order, 0 anything else.
    /// </summary>
    public static string Sessions(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT {day.Of("started_at")} AS d, visitor_id, channel, country,
               CASE WHEN pages <= 1 THEN 1 ELSE 0 END AS bounced,
               CASE WHEN account_id IS NOT NULL THEN 1 ELSE 0 END AS signed_in,
               CASE furthest_step WHEN 'product' THEN 1 WHEN 'cart' THEN 2 WHEN 'checkout' THEN 3 WHEN 'payment' THEN 4
                                  WHEN 'order' THEN 5 ELSE 0 END AS step
        FROM sessions WHERE {ranges.Where("started_at")} AND is_synthetic = false
        ORDER BY started_at
        """;

    /// <summary>
    /// The same sessions as <see cref="Sessions"/>, for PostgreSQL's binary COPY: the start (its day is computed by
    /// the reader, <see cref="ShopDaySql.DayOfPostgresTimestamp"/>), visitor, channel, country, and the funnel figures
    /// in one integer (1 bounced, 2 signed in, step × 4).
    /// </summary>
    public static string SessionsCopy(RollupRanges ranges) => $"""
        COPY (
            SELECT started_at, visitor_id, channel, country,
                   CAST((CASE WHEN pages <= 1 THEN 1 ELSE 0 END) + (CASE WHEN account_id IS NOT NULL THEN 2 ELSE 0 END)
                        + 4 * (CASE furthest_step WHEN 'product' THEN 1 WHEN 'cart' THEN 2 WHEN 'checkout' THEN 3 WHEN 'payment' THEN 4
                                                  WHEN 'order' THEN 5 ELSE 0 END) AS integer) AS flags
            FROM sessions WHERE {ranges.Where("started_at")} AND is_synthetic = false
            ORDER BY started_at
        ) TO STDOUT (FORMAT BINARY)
        """;

    /// <summary>Payment attempts per day (whole shop only).</summary>
    public static string Payments(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, count(*) AS n, sum(CASE WHEN status IN ('refused', 'error') THEN 1 ELSE 0 END) AS refused, sum(fee) AS fees
        FROM (SELECT {day.Of("attempted_at")} AS d, status, fee FROM payment_attempts WHERE {ranges.Where("attempted_at")}) p
        GROUP BY d
        """;

    /// <summary>One row per order (counted or cancelled) with its dimensions and its lines' sums (none for a cancelled one).</summary>
    public static string Orders(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT {day.Of("o.placed_at")} AS d, o.status, o.channel, o.country, o.account_id, a.segment, a.acquisition_channel AS acquisition,
               CASE WHEN a.opened_at >= {day.YearBefore("o.placed_at")} THEN 1 ELSE 0 END AS is_new,
               o.discount, o.shipping_charged, count(l.order_id) AS lines, sum(l.quantity) AS units, sum(l.amount) AS revenue,
               sum(l.quantity * l.unit_cost) AS cost
        FROM orders o
        LEFT JOIN accounts a ON a.id = o.account_id
        LEFT JOIN order_lines l ON l.order_id = o.id AND o.status <> 'cancelled'
        WHERE {ranges.Where("o.placed_at")} AND o.is_synthetic = false
        GROUP BY o.id, o.placed_at, o.status, o.channel, o.country, o.account_id, a.segment, a.acquisition_channel, a.opened_at,
                 o.discount, o.shipping_charged
        """;

    /// <summary>
    /// PostgreSQL's binary COPY of one row per order (counted or cancelled): when it was placed (its day and whether
    /// its account is new are computed by the reader, from <see cref="AccountsCopy"/>), its dimensions, and its lines
    /// side by side in four arrays (SKU, quantity, amount, unit cost; null without lines, and for a cancelled order;
    /// the reader multiplies quantity by unit cost), for <see cref="OrderDays"/>, which sums the order and its
    /// categories from them: one pass over the lines serves the order figures and the category figures
    /// (<see cref="Categories"/> is SQLite's). Grouped by
    /// the order's key alone (its other columns depend on it), the query can merge the orders in key order with their
    /// lines in key order as both primary keys give them; grouped with the account's columns too, PostgreSQL sorted
    /// the orders first (8.4 s against 6.8 s for a year at the benchmark's full size, measured with psql).
    /// </summary>
    public static string OrdersWithLinesCopy(RollupRanges ranges) => $"""
        COPY (
            SELECT o.placed_at, o.status, o.channel, o.country, o.account_id, o.discount, o.shipping_charged,
                   array_agg(l.sku) FILTER (WHERE l.order_id IS NOT NULL) AS skus,
                   array_agg(l.quantity) FILTER (WHERE l.order_id IS NOT NULL) AS quantities,
                   array_agg(l.amount) FILTER (WHERE l.order_id IS NOT NULL) AS amounts,
                   array_agg(l.unit_cost) FILTER (WHERE l.order_id IS NOT NULL) AS unit_costs
            FROM orders o
            LEFT JOIN order_lines l ON l.order_id = o.id AND o.status <> 'cancelled'
            WHERE {ranges.Where("o.placed_at")} AND o.is_synthetic = false
            GROUP BY o.id
        ) TO STDOUT (FORMAT BINARY)
        """;

    /// <summary>Every account's dimensions for the orders (<see cref="OrdersWithLinesCopy"/>), by binary COPY.</summary>
    public const string AccountsCopy = "COPY (SELECT id, segment, acquisition_channel, opened_at FROM accounts) TO STDOUT (FORMAT BINARY)";

    /// <summary>Every product's top-level category (<see cref="OrderDays.AddProduct"/>).</summary>
    public static string ProductCategories(ShopDaySql day) => $"SELECT sku, {day.TopCategory("category_path")} AS category FROM products";

    /// <summary>Counted orders' lines per day and top-level category: orders with a line in it, and the lines' sums.</summary>
    public static string Categories(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, category, count(*) AS orders, sum(lines) AS lines, sum(units) AS units, sum(revenue) AS revenue, sum(cost) AS cost
        FROM (
            SELECT d, category, order_id, count(*) AS lines, sum(quantity) AS units, sum(amount) AS revenue, sum(quantity * unit_cost) AS cost
            FROM (
                SELECT {day.Of("o.placed_at")} AS d, {day.TopCategory("p.category_path")} AS category, l.order_id, l.quantity, l.amount, l.unit_cost
                FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.sku = l.sku
                WHERE {ranges.Where("o.placed_at")} AND o.is_synthetic = false AND o.status <> 'cancelled'
            ) x
            GROUP BY d, category, order_id
        ) per_order
        GROUP BY d, category
        """;

    /// <summary>The dimensions of the order a row belongs to, as the shipments and returns queries select them.</summary>
    private static string OrderDimensions(ShopDaySql day) =>
        $"o.channel, o.country, a.segment, a.acquisition_channel AS acquisition, CASE WHEN a.opened_at >= {day.YearBefore("o.placed_at")} THEN 1 ELSE 0 END AS is_new";

    private const string OrderGroups = "channel, country, segment, acquisition, is_new";

    /// <summary>Returns per return day, order dimensions and the returned product's top-level category.</summary>
    public static string Returns(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, {OrderGroups}, category, count(*) AS n, sum(quantity) AS units, sum(refund_amount) AS amount
        FROM (
            SELECT {day.Of("r.returned_at")} AS d, {OrderDimensions(day)}, {day.TopCategory("p.category_path")} AS category, r.quantity, r.refund_amount
            FROM returns r LEFT JOIN orders o ON o.id = r.order_id LEFT JOIN accounts a ON a.id = o.account_id
            LEFT JOIN products p ON p.sku = r.sku
            WHERE {ranges.Where("r.returned_at")}
        ) x
        GROUP BY d, {OrderGroups}, category
        """;

    /// <summary>Parcels per ship day and order dimensions.</summary>
    public static string Shipped(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, {OrderGroups}, count(*) AS n, sum(cost) AS cost
        FROM (
            SELECT {day.Of("s.shipped_at")} AS d, {OrderDimensions(day)}, s.cost
            FROM shipments s LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN accounts a ON a.id = o.account_id
            WHERE {ranges.Where("s.shipped_at")}
        ) x
        GROUP BY d, {OrderGroups}
        """;

    /// <summary>Parcels of known orders per delivery day and order dimensions, with the shop days from order to delivery.</summary>
    public static string Delivered(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, {OrderGroups}, count(*) AS n, sum(taken) AS days,
               sum(CASE WHEN promised_days IS NOT NULL AND taken <= promised_days THEN 1 ELSE 0 END) AS on_time
        FROM (
            SELECT {day.Of("s.delivered_at")} AS d, {OrderDimensions(day)}, s.promised_days,
                   {day.Of("s.delivered_at")} - {day.Of("o.placed_at")} AS taken
            FROM shipments s JOIN orders o ON o.id = s.order_id LEFT JOIN accounts a ON a.id = o.account_id
            WHERE {ranges.Where("s.delivered_at")}
        ) x
        GROUP BY d, {OrderGroups}
        """;

    /// <summary>The account's segment and whether it is new, for tickets and reviews (null without an account).</summary>
    private static string AccountDimensions(ShopDaySql day, string at) =>
        $"a.segment, CASE WHEN a.id IS NULL THEN NULL WHEN a.opened_at >= {day.YearBefore(at)} THEN 1 ELSE 0 END AS is_new";

    /// <summary>Support tickets per day, account segment and new or returning.</summary>
    public static string Tickets(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, segment, is_new, count(*) AS n
        FROM (
            SELECT {day.Of("t.created_at")} AS d, {AccountDimensions(day, "t.created_at")}
            FROM support_tickets t LEFT JOIN accounts a ON a.id = t.account_id
            WHERE {ranges.Where("t.created_at")}
        ) x
        GROUP BY d, segment, is_new
        """;

    /// <summary>NPS answers and product reviews per day, account segment and new or returning.</summary>
    public static string Reviews(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, segment, is_new,
               sum(CASE WHEN kind = 'nps' AND score >= 9 THEN 1 ELSE 0 END) AS promoters,
               sum(CASE WHEN kind = 'nps' AND score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
               sum(CASE WHEN kind = 'nps' AND score <= 6 THEN 1 ELSE 0 END) AS detractors,
               sum(CASE WHEN kind = 'review' THEN score ELSE 0 END) AS stars,
               sum(CASE WHEN kind = 'review' THEN 1 ELSE 0 END) AS rated
        FROM (
            SELECT {day.Of("v.answered_at")} AS d, v.kind, v.score, {AccountDimensions(day, "v.answered_at")}
            FROM reviews v LEFT JOIN accounts a ON a.id = v.account_id
            WHERE {ranges.Where("v.answered_at")}
        ) x
        GROUP BY d, segment, is_new
        """;

    /// <summary>Marketing spend per calendar day (already a shop day) and channel.</summary>
    public static string Spend(RollupRanges ranges) =>
        $"SELECT day, channel, sum(amount) AS amount FROM marketing_spend WHERE {ranges.WhereDay("day")} GROUP BY day, channel";

    /// <summary>Accounts opened per day, segment, acquisition channel and country.</summary>
    public static string NewAccounts(ShopDaySql day, RollupRanges ranges) => $"""
        SELECT d, segment, acquisition, country, count(*) AS n
        FROM (
            SELECT {day.Of("opened_at")} AS d, segment, acquisition_channel AS acquisition, country
            FROM accounts WHERE {ranges.Where("opened_at")}
        ) x
        GROUP BY d, segment, acquisition, country
        """;
}
