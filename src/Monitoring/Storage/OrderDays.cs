using Monitoring.Kpis;

namespace Monitoring.Storage;

/// <summary>
/// Adds orders into the rollup's cells, one order at a time: its sums to the whole shop and to its five order
/// dimensions (<see cref="AddOrder"/>), and, on PostgreSQL, where one row per order also carries its lines
/// (<see cref="KpiRollupSql.OrdersWithLinesCopy"/>), the lines' sums per day and top-level category
/// (<see cref="AddLines"/>). The categories are then counted from the same pass over the lines as the orders: the
/// separate categories query joined the year's lines to the orders a second time and to the products, and hashed
/// 4 million (day, category, order) groups to disk, 10.5 s per year at the benchmark's full size (see its README).
/// </summary>
/// <remarks>
/// The values equal the grouped SQL's exactly: amounts are summed as exact decimals (PostgreSQL's numeric sums are
/// exact too) and rounded to 4 places only where the queries' sums were (<see cref="Money"/> per order for the
/// order figures, per day and category for the category figures); null quantities and amounts are skipped as SQL's
/// <c>sum</c> skips them; an order counts in a category once if any of its lines' products is in it.
/// </remarks>
internal sealed class OrderDays(KpiCells cells)
{
    // Each known SKU's number and, at that number, its category's.
    private readonly Copy.Utf8KeyTable skus = new();
    private readonly List<int> skuCategories = [];
    private readonly Dictionary<string, int> categoryNumbers = new(StringComparer.Ordinal);
    private readonly List<string> categories = [];
    private readonly Dictionary<(long Day, int Category), CategorySums> categorySums = new();

    // One order's categories, reused from order to order (an order has a few lines).
    private readonly List<int> orderCategories = [];
    private readonly List<CategorySums> orderSums = [];

    /// <summary>
    /// A product's top-level category as the categories query computed it (<see cref="ShopDaySql.TopCategory"/>, as
    /// stored: grouped by the stored text, trimmed only when it becomes a segment). Lines of unknown products and of
    /// products without a category count in no category.
    /// </summary>
    public void AddProduct(string sku, string? topCategory)
    {
        if (topCategory is null) return;
        if (!categoryNumbers.TryGetValue(topCategory, out var number))
        {
            categoryNumbers[topCategory] = number = categories.Count;
            categories.Add(topCategory);
        }
        var at = skus.GetOrAdd(sku);
        if (at == skuCategories.Count) skuCategories.Add(number);
        else skuCategories[at] = number;
    }

    // Each distinct combination of an order's dimensions (OrderProfile), with its cells' keys as numbers, and the
    // cell of each day and key number: an order's cells are then found by numbers, not by hashing two strings per
    // cell (six cells per order). Cached per day and profile instead, the cells took an array per pair: a day has
    // nearly as many profiles as orders (measured at full size).
    private readonly Dictionary<(string?, string?, string?, string?, string?, bool), OrderProfile> profiles = new();
    private readonly Dictionary<SegmentKey, int> keyNumbers = new();
    private readonly Dictionary<(long Day, int Key), OrderCell> keyCells = new();

    /// <summary>
    /// The profile of an order with these dimensions as stored, the same object for the same values: its status, and
    /// the whole shop's key and one key per dimension with a value.
    /// </summary>
    public OrderProfile Profile(string? storedStatus, string? channel, string? country, string? segment, string? acquisition, bool isNew)
    {
        if (profiles.TryGetValue((storedStatus, channel, country, segment, acquisition, isNew), out var profile)) return profile;
        var keys = KpiCells.KeysOf((SegmentKey.AccountSegment, segment), (SegmentKey.SalesChannel, channel),
            (SegmentKey.AcquisitionChannel, acquisition), (SegmentKey.Country, country), (SegmentKey.CustomerType, isNew ? "new" : "returning"));
        SegmentKey[] segmentKeys = [.. keys];
        var numbers = Array.ConvertAll(segmentKeys, key => keyNumbers.TryGetValue(key, out var number) ? number : keyNumbers[key] = keyNumbers.Count);
        profile = new OrderProfile(KpiCells.Text(storedStatus), KpiCells.Text(channel) == "web", isNew, segmentKeys, numbers);
        profiles[(storedStatus, channel, country, segment, acquisition, isNew)] = profile;
        return profile;
    }

    /// <summary>The number <see cref="OrderCell"/>s keep for an account id (null for none or a blank one).</summary>
    public int? AccountNumber(string? accountId) => KpiCells.Text(accountId) is { } id ? cells.AccountNumber(id) : null;

    /// <summary>
    /// One order (placed or cancelled) with its dimensions as stored and its lines' sums; an order whose status is
    /// neither is counted nowhere, as the order-level sums always did.
    /// </summary>
    public void AddOrder(DateOnly day, string? storedStatus, string? channel, string? country, string? accountId, string? segment,
        string? acquisition, bool isNew, decimal discount, decimal shipping, long lines, decimal units, decimal revenue, decimal cost) =>
        AddOrder(ShopDaySql.Number(day), Profile(storedStatus, channel, country, segment, acquisition, isNew), AccountNumber(accountId),
            discount, shipping, lines, units, revenue, cost);

    private void AddOrder(long dayNumber, OrderProfile profile, int? account, decimal discount, decimal shipping, long lines,
        decimal units, decimal revenue, decimal cost)
    {
        if (profile.Status is null) return;
        var cancelled = profile.Status == "cancelled";
        // Read once per order, added to each of its cells.
        var bucket = cancelled ? 0 : BasketHistogram.BucketOf(revenue);
        for (var i = 0; i < profile.KeyNumbers.Length; i++)
        {
            if (!keyCells.TryGetValue((dayNumber, profile.KeyNumbers[i]), out var cell))
                keyCells[(dayNumber, profile.KeyNumbers[i])] = cell = cells.Order(ShopDaySql.Day(dayNumber), profile.Keys[i]);
            if (cancelled) cell.AddCancelled();
            else cell.AddCounted(profile.IsWeb, profile.IsNew, account, discount, shipping, lines, units, revenue, cost, bucket);
        }
    }

    /// <summary>The number of a product's top-level category (its SKU read as UTF-8), or -1 for a product that is
    /// unknown or has none: such lines count in no category.</summary>
    public int CategoryOf(ReadOnlySpan<byte> sku) => skus.Find(sku) is var at and >= 0 ? skuCategories[at] : -1;

    /// <summary>
    /// One order with its lines side by side (each line's category number from <see cref="CategoryOf"/>, quantity,
    /// amount, cost = quantity × unit cost; no lines for a cancelled order): the lines are added to the order's day and
    /// each top-level category its products belong to, then the order itself (<see cref="AddOrder"/>) with the lines'
    /// sums, each rounded as the orders query's <c>sum</c> was.
    /// </summary>
    public void AddOrderWithLines(long dayNumber, OrderProfile profile, int? account, decimal discount, decimal shipping,
        ReadOnlySpan<int> categories, ReadOnlySpan<decimal?> quantities, ReadOnlySpan<decimal?> amounts, ReadOnlySpan<decimal?> costs)
    {
        decimal units = 0, revenue = 0, cost = 0;
        for (var i = 0; i < categories.Length; i++)
        {
            units += quantities[i] ?? 0;
            revenue += amounts[i] ?? 0;
            cost += costs[i] ?? 0;
        }
        if (categories.Length > 0) AddLines(dayNumber, categories, quantities, amounts, costs);
        AddOrder(dayNumber, profile, account, Money(discount), Money(shipping), categories.Length, Money(units), Money(revenue), Money(cost));
    }

    private void AddLines(long dayNumber, ReadOnlySpan<int> categories, ReadOnlySpan<decimal?> quantities, ReadOnlySpan<decimal?> amounts,
        ReadOnlySpan<decimal?> costs)
    {
        orderCategories.Clear();
        for (var i = 0; i < categories.Length; i++)
        {
            if (categories[i] is var category && category < 0) continue;
            var at = orderCategories.IndexOf(category);
            if (at < 0)
            {
                at = orderCategories.Count;
                orderCategories.Add(category);
                if (orderSums.Count <= at) orderSums.Add(new CategorySums());
                orderSums[at].Clear();
            }
            orderSums[at].AddLine(quantities[i], amounts[i], costs[i]);
        }
        for (var at = 0; at < orderCategories.Count; at++)
        {
            if (!categorySums.TryGetValue((dayNumber, orderCategories[at]), out var sums))
                categorySums[(dayNumber, orderCategories[at])] = sums = new CategorySums();
            sums.AddOrder(orderSums[at]);
        }
    }

    /// <summary>Adds the category sums to the cells (call after the last order).</summary>
    public void Flush()
    {
        foreach (var ((dayNumber, category), sums) in categorySums)
        {
            if (KpiCells.Text(categories[category]) is not { } name) continue;
            cells.Add(ShopDaySql.Day(dayNumber), new SegmentKey(SegmentKey.Category, name), new FactSums
            {
                Orders = sums.Orders, OrderLines = sums.Lines, UnitsSold = Money(sums.Units), NetRevenue = Money(sums.Revenue),
                CostOfGoods = Money(sums.Cost),
            });
        }
        categorySums.Clear();
    }

    /// <summary>An amount as the rollup keeps it: rounded to 4 places, as every query's sum is when read.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 4);

    /// <summary>Exact sums of lines: one order's in one category, or a day's in one category.</summary>
    private sealed class CategorySums
    {
        public long Orders, Lines;
        public decimal Units, Revenue, Cost;

        public void Clear() => (Orders, Lines, Units, Revenue, Cost) = (0, 0, 0, 0, 0);

        public void AddLine(decimal? quantity, decimal? amount, decimal? cost)
        {
            Lines++;
            Units += quantity ?? 0;
            Revenue += amount ?? 0;
            Cost += cost ?? 0;
        }

        public void AddOrder(CategorySums order)
        {
            Orders++;
            Lines += order.Lines;
            Units += order.Units;
            Revenue += order.Revenue;
            Cost += order.Cost;
        }
    }
}

/// <summary>
/// One combination of an order's dimensions (<see cref="OrderDays.Profile"/>): its status (null: counted nowhere),
/// whether it is a web order and a new account's, and the cells' keys (the whole shop and each dimension with a value)
/// with their numbers in <see cref="OrderDays"/>.
/// </summary>
internal sealed record OrderProfile(string? Status, bool IsWeb, bool IsNew, SegmentKey[] Keys, int[] KeyNumbers);
