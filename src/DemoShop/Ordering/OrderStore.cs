using System.Collections.Concurrent;

namespace DemoShop.Ordering;

/// <summary>Orders and quote requests in memory, thread-safe; numbers are sequential per shop instance.</summary>
public sealed class OrderStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<QuoteRequest> _quotes = new();
    private int _lastOrder = 100_000;
    private int _lastQuote;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Records an order under a new number (<c>DS-100001</c> onwards).</summary>
    public Order Place(Func<string, Order> create)
    {
        var order = create($"DS-{Interlocked.Increment(ref _lastOrder)}");
        _orders[order.Number] = order;
        return order;
    }

    /// <summary>The order with this number if it belongs to the account (others' orders do not exist for it).</summary>
    public Order? Find(string number, string accountEmail) =>
        _orders.TryGetValue(number, out var order) && string.Equals(order.AccountEmail, accountEmail, StringComparison.OrdinalIgnoreCase)
            ? order : null;

    /// <summary>An account's orders, newest first.</summary>
    public IReadOnlyList<Order> Of(string accountEmail) =>
        _orders.Values.Where(o => string.Equals(o.AccountEmail, accountEmail, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(o => o.Number, StringComparer.Ordinal).ToList();

    /// <summary>Every order, for tests and demos (synthetic ones included).</summary>
    public IReadOnlyList<Order> All => _orders.Values.OrderBy(o => o.Number, StringComparer.Ordinal).ToList();

    public QuoteRequest AddQuote(string company, string email, string message, bool synthetic)
    {
        var quote = new QuoteRequest($"Q-{Clock.GetUtcNow():yyyy}-{Interlocked.Increment(ref _lastQuote):D5}", company, email, message,
            Clock.GetUtcNow(), synthetic);
        _quotes.Enqueue(quote);
        return quote;
    }

    public IReadOnlyList<QuoteRequest> Quotes => _quotes.ToArray();
}
