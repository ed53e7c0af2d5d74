using System.Data.Common;
using Dapper;
using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// Computes the daily <see cref="FactSums"/> of a range of shop days from the canonical model, for the whole shop and
/// for every segment (<see cref="SegmentKey.Dimensions"/>). Each table is read once for the whole range, grouped by
/// shop day (<see cref="ShopDaySql"/>) and by the dimensions its rows carry; the groups are then added into the
/// whole-shop row and one row per dimension value. One SQL text serves both backends. Synthetic orders and sessions
/// are left out everywhere; a cancelled order counts only as cancelled.
/// </summary>
/// <remarks>
/// Which dimensions each table carries: sessions — acquisition channel (the session's) and country; orders — account
/// segment, sales channel, acquisition channel (the account's), delivery country, new or returning (the account opened
/// less than 365 days before the order; orders without an account count as returning); order lines and returns —
/// also the top-level product category; shipments — the order's; tickets and reviews — account segment and new or
/// returning; spend — acquisition channel; new accounts — segment, acquisition channel and country; payments — none.
/// Distinct counts (visitors, ordering accounts) are exact per cell: windows number each visitor's sessions per day
/// and dimension in SQL, and ordering accounts are counted in C# from one row per order.
/// </remarks>
public sealed class SqlKpiRollup(IDbConnectionFactory database)
{
    private SqlDialect Dialect => database.Dialect;

    /// <summary>The whole shop's sums of one day.</summary>
    public async Task<FactSums> ComputeDayAsync(DateOnly day, ShopDays days, CancellationToken cancellationToken) =>
        (await ComputeAsync(day, day, days, cancellationToken)).FirstOrDefault(f => f.Segment.IsAll)?.Sums ?? FactSums.Zero;

    /// <summary>The rows of every day from <paramref name="first"/> to <paramref name="last"/> with activity, every segment.</summary>
    public async Task<IReadOnlyList<DailyFacts>> ComputeAsync(DateOnly first, DateOnly last, ShopDays days, CancellationToken cancellationToken)
    {
        var (from, to) = days.UtcRange(new Period(PeriodKind.Day, first, last));
        // Deliveries read the day their order was placed, which may be months before the range.
        var day = new ShopDaySql(Dialect, days, from.AddDays(-400), to);
        var parameters = new DynamicParameters(new { From = Dialect.Timestamp(from), To = Dialect.Timestamp(to) });
        parameters.Add("FirstDay", DayParameter(first), DayType);
        parameters.Add("LastDay", DayParameter(last), DayType);
        day.AddParameters(parameters);
        var cells = new KpiCells();
        await using var connection = await database.OpenAsync(cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Sessions(day), parameters, r =>
        {
            var (d, channel, country) = (ShopDaySql.Day(r["d"]), r["channel"], r["country"]);
            var sums = new FactSums
            {
                Sessions = Long(r["n"]), BouncedSessions = Long(r["bounced"]), SignedInSessions = Long(r["signed_in"]),
                ProductStepSessions = Long(r["product"]), CartStepSessions = Long(r["cart"]), CheckoutStepSessions = Long(r["checkout"]),
                PaymentStepSessions = Long(r["payment"]), OrderStepSessions = Long(r["ordered"]),
            };
            // Each visitor is counted once per day in the whole shop, once per channel and once per country.
            cells.Add(d, SegmentKey.All, sums with { Visitors = Long(r["visitors"]) });
            if (KpiCells.Text(channel) is { } c) cells.Add(d, new SegmentKey(SegmentKey.AcquisitionChannel, c), sums with { Visitors = Long(r["channel_visitors"]) });
            if (KpiCells.Text(country) is { } k) cells.Add(d, new SegmentKey(SegmentKey.Country, k), sums with { Visitors = Long(r["country_visitors"]) });
        }, cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Payments(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), SegmentKey.All,
            new FactSums { PaymentAttempts = Long(r["n"]), PaymentRefusals = Long(r["refused"]), PaymentFees = Money(r["fees"]) }), cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Orders(day), parameters, r =>
        {
            var d = ShopDaySql.Day(r["d"]);
            var status = KpiCells.Text(r["status"]);
            if (status is null) return; // neither placed nor cancelled: counted nowhere, as the order-level sums always did
            var isNew = Long(r["is_new"]) == 1;
            var keys = KpiCells.KeysOf((SegmentKey.AccountSegment, r["segment"]), (SegmentKey.SalesChannel, r["channel"]),
                (SegmentKey.AcquisitionChannel, r["acquisition"]), (SegmentKey.Country, r["country"]),
                (SegmentKey.CustomerType, isNew ? "new" : "returning"));
            foreach (var key in keys)
            {
                var cell = cells.Order(d, key);
                if (status == "cancelled") cell.AddCancelled();
                else cell.AddCounted(KpiCells.Text(r["channel"]) == "web", isNew, KpiCells.Text(r["account_id"]), Money(r["discount"]),
                    Money(r["shipping_charged"]), Long(r["lines"]), Money(r["units"]), Money(r["revenue"]), Money(r["cost"]));
            }
        }, cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Categories(day), parameters, r =>
        {
            if (KpiCells.Text(r["category"]) is not { } category) return;
            cells.Add(ShopDaySql.Day(r["d"]), new SegmentKey(SegmentKey.Category, category), new FactSums
            {
                Orders = Long(r["orders"]), OrderLines = Long(r["lines"]), UnitsSold = Money(r["units"]),
                NetRevenue = Money(r["revenue"]), CostOfGoods = Money(r["cost"]),
            });
        }, cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Returns(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]),
            OrderKeys(r, r["category"]),
            new FactSums { ReturnLines = Long(r["n"]), ReturnedUnits = Money(r["units"]), ReturnsAmount = Money(r["amount"]) }), cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Shipped(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), OrderKeys(r),
            new FactSums { Shipments = Long(r["n"]), ShippingCost = Money(r["cost"]) }), cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Delivered(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), OrderKeys(r),
            new FactSums { DeliveredShipments = Long(r["n"]), OnTimeDeliveries = Long(r["on_time"]), DeliveryDaysTotal = Long(r["days"]) }),
            cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Tickets(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), FeedbackKeys(r),
            new FactSums { Tickets = Long(r["n"]) }), cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Reviews(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), FeedbackKeys(r),
            new FactSums
            {
                NpsPromoters = Long(r["promoters"]), NpsPassives = Long(r["passives"]), NpsDetractors = Long(r["detractors"]),
                ReviewScoreSum = Long(r["stars"]), ReviewCount = Long(r["rated"]),
            }), cancellationToken);

        await ReadAsync(connection, KpiRollupSql.Spend, parameters, r => cells.Add(ReadDay(r["day"]),
            KpiCells.KeysOf((SegmentKey.AcquisitionChannel, r["channel"])), new FactSums { MarketingSpend = Money(r["amount"]) }), cancellationToken);

        await ReadAsync(connection, KpiRollupSql.NewAccounts(day), parameters, r => cells.Add(ShopDaySql.Day(r["d"]),
            KpiCells.KeysOf((SegmentKey.AccountSegment, r["segment"]), (SegmentKey.AcquisitionChannel, r["acquisition"]), (SegmentKey.Country, r["country"])),
            new FactSums { NewAccounts = Long(r["n"]) }), cancellationToken);

        return cells.Facts(first, last);
    }

    /// <summary>The keys of a row grouped by the order's dimensions.</summary>
    private static IEnumerable<SegmentKey> OrderKeys(DbDataReader r, object? category = null) => KpiCells.KeysOf(
        (SegmentKey.AccountSegment, r["segment"]), (SegmentKey.SalesChannel, r["channel"]), (SegmentKey.AcquisitionChannel, r["acquisition"]),
        (SegmentKey.Country, r["country"]), (SegmentKey.CustomerType, Long(r["is_new"]) == 1 ? "new" : "returning"),
        (SegmentKey.Category, category));

    /// <summary>The keys of a ticket or review: the account's segment, and new or returning when there is an account.</summary>
    private static IEnumerable<SegmentKey> FeedbackKeys(DbDataReader r) => KpiCells.KeysOf((SegmentKey.AccountSegment, r["segment"]),
        (SegmentKey.CustomerType, r["is_new"] is null or DBNull ? null : Long(r["is_new"]) == 1 ? "new" : "returning"));

    private static async Task ReadAsync(DbConnection connection, string sql, DynamicParameters parameters, Action<DbDataReader> row,
        CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters,
            commandTimeout: 3600, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken)) row(reader);
    }

    /// <summary>A calendar day as the backend stores it (text on SQLite, date on PostgreSQL).</summary>
    private object DayParameter(DateOnly day) => Dialect.Name == "sqlite" ? day.ToString("yyyy-MM-dd") : day.ToDateTime(TimeOnly.MinValue);

    private System.Data.DbType DayType => Dialect.Name == "sqlite" ? System.Data.DbType.String : System.Data.DbType.Date;

    private static DateOnly ReadDay(object value) => value switch
    {
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        _ => DateOnly.ParseExact(Convert.ToString(value)!, "yyyy-MM-dd"),
    };

    private static long Long(object? value) => value is null or DBNull ? 0 : Convert.ToInt64(value);

    private static decimal Money(object? value) => value is null or DBNull ? 0m : Math.Round(Convert.ToDecimal(value), 4);
}
