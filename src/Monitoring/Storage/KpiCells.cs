using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// The rollup's accumulator: the sums of every (day, segment) cell, filled from grouped query rows. A row belongs to
/// the whole shop and to one value of each dimension it carries; a null or empty value makes no segment (the whole
/// shop still counts the row). Orders arrive one per row and go to <see cref="OrderCell"/>s, which keep what cannot be
/// summed from groups: distinct accounts and the basket histogram's counts.
/// </summary>
internal sealed class KpiCells
{
    private readonly Dictionary<(DateOnly, SegmentKey), FactSums> sums = new();
    private readonly Dictionary<(DateOnly, SegmentKey), OrderCell> orders = new();
    private readonly Dictionary<string, int> accountNumbers = new(StringComparer.Ordinal);

    /// <summary>The whole shop and one segment per dimension with a value.</summary>
    public static IEnumerable<SegmentKey> KeysOf(params (string Dimension, object? Value)[] dimensions)
    {
        yield return SegmentKey.All;
        foreach (var (dimension, value) in dimensions)
            if (Text(value) is { } text) yield return new SegmentKey(dimension, text);
    }

    /// <summary>Adds the sums to the day's cell of every key.</summary>
    public void Add(DateOnly day, IEnumerable<SegmentKey> keys, FactSums row)
    {
        foreach (var key in keys) Add(day, key, row);
    }

    /// <summary>Adds the sums to one cell.</summary>
    public void Add(DateOnly day, SegmentKey key, FactSums row) =>
        sums[(day, key)] = sums.TryGetValue((day, key), out var seen) ? seen + row : row;

    /// <summary>The order cell of the day and key, created on first use.</summary>
    public OrderCell Order(DateOnly day, SegmentKey key)
    {
        if (!orders.TryGetValue((day, key), out var cell)) orders[(day, key)] = cell = new OrderCell();
        return cell;
    }

    /// <summary>
    /// A number per account id, the same in every cell: an order's account is kept in six cells (the whole shop and
    /// five dimensions), as an int rather than a string per order (two million orders in one rollup call at full size).
    /// </summary>
    public int AccountNumber(string accountId)
    {
        if (!accountNumbers.TryGetValue(accountId, out var number)) accountNumbers[accountId] = number = accountNumbers.Count;
        return number;
    }

    /// <summary>Every cell's sums, for the days asked (a range query may see rows of a neighbouring day).</summary>
    public IReadOnlyList<DailyFacts> Facts(Func<DateOnly, bool> asked)
    {
        var keys = sums.Keys.Union(orders.Keys).Where(k => asked(k.Item1));
        return keys.Select(k => new DailyFacts(k.Item1, k.Item2,
                sums.GetValueOrDefault(k, FactSums.Zero) + (orders.TryGetValue(k, out var cell) ? cell.ToSums() : FactSums.Zero)))
            .OrderBy(f => f.Day).ThenBy(f => f.Segment.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The rows of several cell sets (the rollup's parts, each read on its own connection) added per day and segment,
    /// in the order of <see cref="Facts"/>.
    /// </summary>
    public static IReadOnlyList<DailyFacts> Merge(IEnumerable<IReadOnlyList<DailyFacts>> parts)
    {
        var merged = new Dictionary<(DateOnly, SegmentKey), FactSums>();
        foreach (var row in parts.SelectMany(p => p))
            merged[(row.Day, row.Segment)] = merged.TryGetValue((row.Day, row.Segment), out var seen) ? seen + row.Sums : row.Sums;
        return merged.Select(m => new DailyFacts(m.Key.Item1, m.Key.Item2, m.Value))
            .OrderBy(f => f.Day).ThenBy(f => f.Segment.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>A dimension value as text, or null when it has none.</summary>
    public static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The order sums of one cell, added one order at a time (cheaper than a <see cref="FactSums"/> per order).</summary>
internal sealed class OrderCell
{
    private readonly HashSet<int> accounts = [];
    private readonly Dictionary<int, long> baskets = new();
    private long ordersCount, web, cancelled, lines, newOrders, returningOrders;
    private decimal units, revenue, cost, discount, shipping, newRevenue, returningRevenue;

    /// <summary>A cancelled order: counted only as cancelled.</summary>
    public void AddCancelled() => cancelled++;

    /// <summary>
    /// A counted order with its lines' sums; orders without lines have no basket. The basket's bucket
    /// (<see cref="BasketHistogram.BucketOf"/>) is computed once per order by the caller, not once per cell.
    /// </summary>
    public void AddCounted(bool isWeb, bool isNew, int? accountNumber, decimal orderDiscount, decimal orderShipping,
        long orderLines, decimal orderUnits, decimal orderRevenue, decimal orderCost, int basketBucket)
    {
        ordersCount++;
        if (isWeb) web++;
        if (accountNumber is { } account) accounts.Add(account);
        discount += orderDiscount;
        shipping += orderShipping;
        lines += orderLines;
        units += orderUnits;
        revenue += orderRevenue;
        cost += orderCost;
        if (isNew) { newOrders++; newRevenue += orderRevenue; }
        else { returningOrders++; returningRevenue += orderRevenue; }
        if (orderLines > 0) baskets[basketBucket] = baskets.GetValueOrDefault(basketBucket) + 1;
    }

    public FactSums ToSums() => new()
    {
        Orders = ordersCount, WebOrders = web, CancelledOrders = cancelled, OrderingAccounts = accounts.Count,
        Discount = discount, ShippingCharged = shipping, OrderLines = lines, UnitsSold = units, NetRevenue = revenue, CostOfGoods = cost,
        NewAccountOrders = newOrders, NewAccountRevenue = newRevenue, ReturningAccountOrders = returningOrders,
        ReturningAccountRevenue = returningRevenue, Baskets = BasketHistogram.FromCounts(baskets),
    };
}
