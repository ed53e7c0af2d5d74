namespace DemoShop.Ordering;

/// <summary>A cart line: a SKU and a quantity (prices are computed when shown, for the signed-in account).</summary>
public sealed record CartLine(string Sku, int Quantity);

/// <summary>A session's cart. Thread-safe: one browser may send requests in parallel.</summary>
public sealed class Cart
{
    private readonly object _gate = new();
    private readonly List<CartLine> _lines = [];

    public IReadOnlyList<CartLine> Lines { get { lock (_gate) return _lines.ToArray(); } }

    public int Count { get { lock (_gate) return _lines.Sum(l => l.Quantity); } }

    /// <summary>Adds to a line (creating it), returning the line's new quantity.</summary>
    public int Add(string sku, int quantity)
    {
        lock (_gate)
        {
            var index = _lines.FindIndex(l => l.Sku == sku);
            var total = (index < 0 ? 0 : _lines[index].Quantity) + quantity;
            if (index < 0) _lines.Add(new CartLine(sku, total)); else _lines[index] = new CartLine(sku, total);
            return total;
        }
    }

    /// <summary>Current quantity of a SKU (0 when absent).</summary>
    public int QuantityOf(string sku) { lock (_gate) return _lines.FirstOrDefault(l => l.Sku == sku)?.Quantity ?? 0; }

    /// <summary>Sets a line's quantity; 0 or less removes it.</summary>
    public void Set(string sku, int quantity)
    {
        lock (_gate)
        {
            var index = _lines.FindIndex(l => l.Sku == sku);
            if (quantity <= 0) { if (index >= 0) _lines.RemoveAt(index); }
            else if (index < 0) _lines.Add(new CartLine(sku, quantity));
            else _lines[index] = new CartLine(sku, quantity);
        }
    }

    public void ReplaceWith(IEnumerable<CartLine> lines)
    {
        lock (_gate) { _lines.Clear(); _lines.AddRange(lines); }
    }

    /// <summary>Empties the cart and returns what it held, atomically (so one cart becomes one order).</summary>
    public IReadOnlyList<CartLine> TakeAll()
    {
        lock (_gate) { var lines = _lines.ToArray(); _lines.Clear(); return lines; }
    }
}
