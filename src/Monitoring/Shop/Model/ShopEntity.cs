namespace Monitoring.Shop.Model;

/// <summary>
/// One entity of the canonical B2B model: its name in sources and the API, its table, and its fields. Every table
/// also has the system columns <c>revision</c> and <c>changed_at</c>, which no source writes.
/// </summary>
public sealed class ShopEntity
{
    private readonly Dictionary<string, ShopField> _byName;

    public ShopEntity(string name, string table, IReadOnlyList<ShopField> fields)
    {
        Name = name;
        Table = table;
        Fields = fields;
        Keys = fields.Where(f => f.IsKey).ToArray();
        if (Keys.Count == 0) throw new ArgumentException($"entity {name} has no key field", nameof(fields));
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The singular snake_case name used in sources, the API and the quarantine (<c>order_line</c>).</summary>
    public string Name { get; }

    /// <summary>The table in both backends (<c>order_lines</c>).</summary>
    public string Table { get; }

    /// <summary>Every field a source may write, keys first as declared.</summary>
    public IReadOnlyList<ShopField> Fields { get; }

    /// <summary>The fields of the natural key: a record is inserted or updated by them.</summary>
    public IReadOnlyList<ShopField> Keys { get; }

    public ShopField? Find(string fieldName) => _byName.GetValueOrDefault(fieldName);

    public override string ToString() => Name;
}
