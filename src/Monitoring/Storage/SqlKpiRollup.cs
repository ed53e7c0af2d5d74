using System.Data.Common;
using Dapper;
using Monitoring.Kpis;
using Npgsql;

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
/// Distinct counts (visitors, ordering accounts) are exact per cell: visitors are counted in C# from one row per
/// session read in time order (<see cref="SessionDays"/>), and ordering accounts from one row per order.
/// </remarks>
public sealed class SqlKpiRollup(IDbConnectionFactory database, ILogger<SqlKpiRollup>? logger = null)
{
    private SqlDialect Dialect => database.Dialect;

    /// <summary>The whole shop's sums of one day.</summary>
    public async Task<FactSums> ComputeDayAsync(DateOnly day, ShopDays days, CancellationToken cancellationToken) =>
        (await ComputeAsync(day, day, days, cancellationToken)).FirstOrDefault(f => f.Segment.IsAll)?.Sums ?? FactSums.Zero;

    /// <summary>The rows of every day from <paramref name="first"/> to <paramref name="last"/> with activity, every segment.</summary>
    public Task<IReadOnlyList<DailyFacts>> ComputeAsync(DateOnly first, DateOnly last, ShopDays days, CancellationToken cancellationToken) =>
        ComputeAsync([(first, last)], days, cancellationToken);

    /// <summary>
    /// The rows of every day of these runs of consecutive days (in any order, not overlapping) with activity, every
    /// segment: each table is read once for all the runs.
    /// </summary>
    public async Task<IReadOnlyList<DailyFacts>> ComputeAsync(IReadOnlyList<(DateOnly First, DateOnly Last)> runs, ShopDays days,
        CancellationToken cancellationToken)
    {
        var ranges = new RollupRanges(Dialect, days, runs);
        // Deliveries read the day their order was placed, which may be months before the range.
        var day = new ShopDaySql(Dialect, days, ranges.From.AddDays(-400), ranges.To);
        DynamicParameters Parameters(RollupRanges of)
        {
            var parameters = new DynamicParameters();
            of.AddParameters(parameters);
            day.AddParameters(parameters);
            return parameters;
        }

        // Three independent parts, each on its own connection and into its own cells: on PostgreSQL they run at once
        // (sessions, and orders with their lines, are each about half of the work), on SQLite one by one.
        Func<Task<IReadOnlyList<DailyFacts>>>[] parts =
        [
            () => PartAsync(ranges, (c, cells) => SessionsAsync(c, cells, day,
                SessionBatches(runs).Select(batch => new RollupRanges(Dialect, days, batch)).Select(b => (b, Parameters(b))), cancellationToken),
                cancellationToken),
            () => PartAsync(ranges, (c, cells) => OrdersAsync(c, cells, day, ranges, Parameters(ranges), cancellationToken), cancellationToken),
            () => PartAsync(ranges, (c, cells) => OthersAsync(c, cells, day, ranges, Parameters(ranges), cancellationToken), cancellationToken),
        ];
        var results = new List<IReadOnlyList<DailyFacts>>();
        if (Dialect.Name == "postgres") results.AddRange(await Task.WhenAll(parts.Select(part => Task.Run(part, cancellationToken))));
        else foreach (var part in parts) results.Add(await part());
        return KpiCells.Merge(results);
    }

    private async Task<IReadOnlyList<DailyFacts>> PartAsync(RollupRanges ranges, Func<DbConnection, KpiCells, Task> read,
        CancellationToken cancellationToken)
    {
        var cells = new KpiCells();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (connection is NpgsqlConnection)
        {
            // PostgreSQL compiles a costly query with LLVM first (jit_above_cost): 0.3 to 1.4 s for each month of
            // sessions at full size, more than reading the month (0.5 s), and 2 to 3 s for the orders and categories
            // queries of a year (measured with psql). The rollup's queries are simple scans and aggregates. SET LOCAL
            // ends with the transaction, so a pooled connection goes back with the server's setting. Repeatable read:
            // the part's queries see one snapshot (the orders part reads the accounts, then the orders).
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SET LOCAL jit = off", transaction: transaction, cancellationToken: cancellationToken));
            await read(connection, cells);
            await transaction.CommitAsync(cancellationToken);
        }
        else await read(connection, cells);
        return cells.Facts(ranges.Contains);
    }

    /// <summary>
    /// Sessions are read in time order at most a month of days per query: over a year, half of a large table,
    /// PostgreSQL chose a full scan and an external sort of every session (180 s for 10 million at full size,
    /// measured); a month is an index range scan already in time order. Runs longer than that are cut; short runs
    /// (the incremental run's scattered days) share a query.
    /// </summary>
    private static IEnumerable<List<(DateOnly First, DateOnly Last)>> SessionBatches(IEnumerable<(DateOnly First, DateOnly Last)> runs)
    {
        var batch = new List<(DateOnly First, DateOnly Last)>();
        var batchDays = 0;
        foreach (var (first, last) in runs.OrderBy(r => r.First))
            for (var start = first; start <= last;)
            {
                var end = start.AddDays(SessionRangeDays - batchDays - 1);
                if (end > last) end = last;
                batch.Add((start, end));
                batchDays += end.DayNumber - start.DayNumber + 1;
                if (batchDays >= SessionRangeDays)
                {
                    yield return batch;
                    (batch, batchDays) = ([], 0);
                }
                start = end.AddDays(1);
            }
        if (batch.Count > 0) yield return batch;
    }

    private const int SessionRangeDays = 31;

    private async Task SessionsAsync(DbConnection connection, KpiCells cells, ShopDaySql day,
        IEnumerable<(RollupRanges Ranges, DynamicParameters Parameters)> batches, CancellationToken cancellationToken)
    {
        var sessions = new SessionDays(cells);
        if (connection is NpgsqlConnection npgsql)
        {
            foreach (var (ranges, parameters) in batches)
                ExportSessions(npgsql, sessions, day, Inline(KpiRollupSql.SessionsCopy(ranges), parameters), cancellationToken);
            sessions.Flush();
            return;
        }
        foreach (var (ranges, parameters) in batches)
            await ReadAsync("Sessions", connection, KpiRollupSql.Sessions(day, ranges), parameters, r => sessions.Add(r.GetInt64(0),
                r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetInt64(4) == 1, r.GetInt64(5) == 1, (int)r.GetInt64(6)), cancellationToken);
        sessions.Flush();
    }

    /// <summary>
    /// PostgreSQL: the sessions by binary COPY, four narrow columns (the funnel figures packed in one integer), read as
    /// bytes (<see cref="Copy.PgCopyReader"/>): a known channel, country or visitor of the day makes no string. At
    /// full size a data reader took 2 to 7 s per month of 850,000 sessions; COPY sends the same rows for a fraction
    /// of that (see the benchmarks' README).
    /// </summary>
    private void ExportSessions(NpgsqlConnection connection, SessionDays sessions, ShopDaySql shopDay, string sql, CancellationToken cancellationToken)
    {
        var (started, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), Copy.ThreadCpuTime.Now());
        var rows = 0;
        using (var copy = Copy.PgCopyReader.Start(connection, sql))
            while (copy.ReadRow(cancellationToken))
            {
                var day = sessions.Day(shopDay.DayOfPostgresTimestamp(copy.Int64(0)));
                var visitor = copy.IsNull(1) ? -1 : day.VisitorNumber(copy.Bytes(1));
                var channel = copy.IsNull(2) ? 0 : sessions.ValueNumber(copy.Bytes(2));
                var country = copy.IsNull(3) ? 0 : sessions.ValueNumber(copy.Bytes(3));
                var flags = copy.Int32(4);
                day.Add(visitor, channel, country, (flags & 1) != 0, (flags & 2) != 0, flags >> 2);
                rows++;
            }
        LogCopy("Sessions (COPY)", rows, started, cpu);
    }

    /// <summary>
    /// The query with its parameters written as literals: COPY takes no parameters. Only the rollup's own values are
    /// inlined (timestamps and dates it computed, never user text), each as a typed literal.
    /// </summary>
    private static string Inline(string sql, DynamicParameters parameters) =>
        System.Text.RegularExpressions.Regex.Replace(sql, @"@(\w+)", m =>
        {
            if (!parameters.ParameterNames.Contains(m.Groups[1].Value)) return m.Value;
            return parameters.Get<object>(m.Groups[1].Value) switch
            {
                DateTimeOffset t => $"timestamptz '{t.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00'",
                DateTime d => $"date '{d:yyyy-MM-dd}'",
                var other => throw new InvalidOperationException($"Cannot inline parameter {m.Value} of type {other?.GetType().Name}"),
            };
        });

    private async Task OthersAsync(DbConnection connection, KpiCells cells, ShopDaySql day, RollupRanges ranges, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        await ReadAsync("Payments", connection, KpiRollupSql.Payments(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), SegmentKey.All,
            new FactSums { PaymentAttempts = Long(r["n"]), PaymentRefusals = Long(r["refused"]), PaymentFees = Money(r["fees"]) }), cancellationToken);

        await ReadAsync("Returns", connection, KpiRollupSql.Returns(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]),
            OrderKeys(r, r["category"]),
            new FactSums { ReturnLines = Long(r["n"]), ReturnedUnits = Money(r["units"]), ReturnsAmount = Money(r["amount"]) }), cancellationToken);

        await ReadAsync("Shipped", connection, KpiRollupSql.Shipped(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), OrderKeys(r),
            new FactSums { Shipments = Long(r["n"]), ShippingCost = Money(r["cost"]) }), cancellationToken);

        await ReadAsync("Delivered", connection, KpiRollupSql.Delivered(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), OrderKeys(r),
            new FactSums { DeliveredShipments = Long(r["n"]), OnTimeDeliveries = Long(r["on_time"]), DeliveryDaysTotal = Long(r["days"]) }),
            cancellationToken);

        await ReadAsync("Tickets", connection, KpiRollupSql.Tickets(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), FeedbackKeys(r),
            new FactSums { Tickets = Long(r["n"]) }), cancellationToken);

        await ReadAsync("Reviews", connection, KpiRollupSql.Reviews(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]), FeedbackKeys(r),
            new FactSums
            {
                NpsPromoters = Long(r["promoters"]), NpsPassives = Long(r["passives"]), NpsDetractors = Long(r["detractors"]),
                ReviewScoreSum = Long(r["stars"]), ReviewCount = Long(r["rated"]),
            }), cancellationToken);

        await ReadAsync("Spend", connection, KpiRollupSql.Spend(ranges), parameters, r => cells.Add(ReadDay(r["day"]),
            KpiCells.KeysOf((SegmentKey.AcquisitionChannel, r["channel"])), new FactSums { MarketingSpend = Money(r["amount"]) }), cancellationToken);

        await ReadAsync("NewAccounts", connection, KpiRollupSql.NewAccounts(day, ranges), parameters, r => cells.Add(ShopDaySql.Day(r["d"]),
            KpiCells.KeysOf((SegmentKey.AccountSegment, r["segment"]), (SegmentKey.AcquisitionChannel, r["acquisition"]), (SegmentKey.Country, r["country"])),
            new FactSums { NewAccounts = Long(r["n"]) }), cancellationToken);
    }

    /// <summary>
    /// Orders and their lines by category. PostgreSQL: one binary COPY of one row per order with its lines
    /// (<see cref="OrderDays"/> sums both from it). SQLite: the orders query (one row per order with its lines'
    /// sums) and the grouped categories query.
    /// </summary>
    private async Task OrdersAsync(DbConnection connection, KpiCells cells, ShopDaySql day, RollupRanges ranges, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var orders = new OrderDays(cells);
        if (connection is NpgsqlConnection npgsql)
        {
            await ReadAsync("Products", connection, KpiRollupSql.ProductCategories(day), parameters,
                r => orders.AddProduct(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken);
            var reader = new OrdersFromCopy(orders, day);
            var (started, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), Copy.ThreadCpuTime.Now());
            LogCopy("Accounts (COPY)", reader.ReadAccounts(npgsql, cancellationToken), started, cpu);
            (started, cpu) = (System.Diagnostics.Stopwatch.GetTimestamp(), Copy.ThreadCpuTime.Now());
            LogCopy("Orders with lines (COPY)", reader.ReadOrders(npgsql, Inline(KpiRollupSql.OrdersWithLinesCopy(ranges), parameters), cancellationToken),
                started, cpu);
            orders.Flush();
            return;
        }

        await ReadAsync("Orders", connection, KpiRollupSql.Orders(day, ranges), parameters, r => orders.AddOrder(ShopDaySql.Day(r["d"]),
            KpiCells.Text(r["status"]), Nullable(r["channel"]), Nullable(r["country"]), Nullable(r["account_id"]), Nullable(r["segment"]),
            Nullable(r["acquisition"]), Long(r["is_new"]) == 1, Money(r["discount"]), Money(r["shipping_charged"]), Long(r["lines"]),
            Money(r["units"]), Money(r["revenue"]), Money(r["cost"])), cancellationToken);

        await ReadAsync("Categories", connection, KpiRollupSql.Categories(day, ranges), parameters, r =>
        {
            if (KpiCells.Text(r["category"]) is not { } category) return;
            cells.Add(ShopDaySql.Day(r["d"]), new SegmentKey(SegmentKey.Category, category), new FactSums
            {
                Orders = Long(r["orders"]), OrderLines = Long(r["lines"]), UnitsSold = Money(r["units"]),
                NetRevenue = Money(r["revenue"]), CostOfGoods = Money(r["cost"]),
            });
        }, cancellationToken);
    }

    private static string? Nullable(object? value) => value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The keys of a row grouped by the order's dimensions.</summary>
    private static IEnumerable<SegmentKey> OrderKeys(DbDataReader r, object? category = null) => KpiCells.KeysOf(
        (SegmentKey.AccountSegment, r["segment"]), (SegmentKey.SalesChannel, r["channel"]), (SegmentKey.AcquisitionChannel, r["acquisition"]),
        (SegmentKey.Country, r["country"]), (SegmentKey.CustomerType, Long(r["is_new"]) == 1 ? "new" : "returning"),
        (SegmentKey.Category, category));

    /// <summary>The keys of a ticket or review: the account's segment, and new or returning when there is an account.</summary>
    private static IEnumerable<SegmentKey> FeedbackKeys(DbDataReader r) => KpiCells.KeysOf((SegmentKey.AccountSegment, r["segment"]),
        (SegmentKey.CustomerType, r["is_new"] is null or DBNull ? null : Long(r["is_new"]) == 1 ? "new" : "returning"));

    private async Task ReadAsync(string name, DbConnection connection, string sql, DynamicParameters parameters, Action<DbDataReader> row,
        CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = 0;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters,
            commandTimeout: 3600, cancellationToken: cancellationToken)))
            while (await reader.ReadAsync(cancellationToken)) { row(reader); rows++; }
        LogQuery(name, rows, started);
    }

    /// <summary>The profile of a rollup (the benchmark's --profile): which query costs what.</summary>
    private void LogQuery(string name, int rows, long started) =>
        logger?.LogDebug("KPI rollup query {Query}: {Rows} rows in {Seconds:0.00} s", name, rows, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);

    /// <summary>The profile of a COPY read on one thread: also the CPU time that thread spent reading and adding it.</summary>
    private void LogCopy(string name, int rows, long started, TimeSpan? cpuBefore)
    {
        if (logger is null || !logger.IsEnabled(LogLevel.Debug)) return;
        var cpu = cpuBefore is { } before && Copy.ThreadCpuTime.Now() is { } after ? $"{(after - before).TotalSeconds:0.00}" : "?";
        logger.LogDebug("KPI rollup query {Query}: {Rows} rows in {Seconds:0.00} s, {Cpu} CPU s on the reading thread", name, rows,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, cpu);
    }

    private static DateOnly ReadDay(object value) => value switch
    {
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        _ => DateOnly.ParseExact(Convert.ToString(value)!, "yyyy-MM-dd"),
    };

    private static long Long(object? value) => value is null or DBNull ? 0 : Convert.ToInt64(value);

    private static decimal Money(object? value) => value is null or DBNull ? 0m : Math.Round(Convert.ToDecimal(value), 4);
}
