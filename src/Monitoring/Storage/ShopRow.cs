using System.Collections;
using Monitoring.Shop.Model;

namespace Monitoring.Storage;

/// <summary>
/// One row of an entity read back by <see cref="SqlShopRecords"/>: its values in an array, by the position of each
/// field in the entity, behind a read-only dictionary of every field (a null value for an empty column). A scan of a
/// million products holds ten million rows: a shared name-to-position map and one array per row take a fifth of the
/// memory (and allocation time) of a dictionary per row.
/// </summary>
public sealed class ShopRow : IReadOnlyDictionary<string, object?>
{
    private readonly Layout _layout;
    private readonly object?[] _values;

    internal ShopRow(Layout layout, object?[] values)
    {
        _layout = layout;
        _values = values;
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not a field of {_layout.Entity.Name}");

    public IEnumerable<string> Keys => _layout.Names;

    public IEnumerable<object?> Values => _values;

    public int Count => _values.Length;

    public bool ContainsKey(string key) => _layout.Positions.ContainsKey(key);

    public bool TryGetValue(string key, out object? value)
    {
        if (_layout.Positions.TryGetValue(key, out var position))
        {
            value = _values[position];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++) yield return new(_layout.Names[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The field names of an entity and their positions, shared by all its rows; a row read with only some
    /// fields (<paramref name="fields"/>) holds only those, and the others read as absent.</summary>
    internal sealed class Layout(ShopEntity entity, IReadOnlyList<ShopField>? fields = null)
    {
        public ShopEntity Entity { get; } = entity;
        public string[] Names { get; } = (fields ?? entity.Fields).Select(f => f.Name).ToArray();
        public Dictionary<string, int> Positions { get; } =
            (fields ?? entity.Fields).Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }
}
