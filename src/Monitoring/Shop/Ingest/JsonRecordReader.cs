using System.Runtime.InteropServices;
using System.Text.Json;
using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.Shop.Ingest;

/// <summary>
/// Reads a batch of canonical records posted as JSON. Each record writes the fields it carries and only those (a
/// webhook that sends a stock level does not erase the product's name), so records with different field sets
/// become different targets.
/// </summary>
public sealed class JsonRecordReader : IMappedRowReader
{
    private readonly List<MappedRow> _rows = [];
    private int _next;

    public JsonRecordReader(ShopEntity entity, IReadOnlyList<JsonElement> records, string origin)
    {
        Origin = origin;
        var targets = new List<EntityTarget>();
        var targetByShape = new Dictionary<string, int>(StringComparer.Ordinal);
        var converted = new List<(long Line, int Target, object?[] Values)>();
        for (var i = 0; i < records.Count; i++)
        {
            var line = i + 1;
            var record = records[i];
            if (record.ValueKind != JsonValueKind.Object)
            {
                Reject(line, $"record {line} is {record.ValueKind.ToString().ToLowerInvariant()}, not an object", record);
                continue;
            }
            (IReadOnlyList<ShopField> Fields, object?[] Values, string? Problem) conversion;
            try
            {
                conversion = Convert(entity, record);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json checks UTF-8 only when a string is read: bytes that are not UTF-8 (a windows-1252
                // client) fail there. One record is refused, not the batch.
                Reject(line, $"record {line} has bytes that are not valid UTF-8 (send the body as UTF-8)", record);
                continue;
            }
            var (fields, values, problem) = conversion;
            if (problem is not null)
            {
                Reject(line, problem, record);
                continue;
            }
            var shape = string.Join(",", fields.Select(f => f.Name));
            if (!targetByShape.TryGetValue(shape, out var index))
            {
                index = targets.Count;
                targetByShape[shape] = index;
                targets.Add(new EntityTarget(entity, fields));
            }
            converted.Add((line, index, values));
        }
        foreach (var (line, target, values) in converted)
        {
            var slots = new object?[]?[targets.Count];
            slots[target] = values;
            _rows.Add(new MappedRow { Line = line, Values = slots });
        }
        _rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        Targets = targets.Count > 0 ? targets : [EntityTarget.AllFields(entity)];
    }

    public string Origin { get; }

    public IReadOnlyList<EntityTarget> Targets { get; }

    /// <summary>The records rejected, with their 1-based index and reason, for the API's answer.</summary>
    public IEnumerable<MappedRow> Rejected => _rows.Where(r => r.Rejection is not null);

    public long Position => _next;

    public long? Length => _rows.Count;

    public ValueTask<MappedRow?> ReadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_next < _rows.Count ? _rows[_next++] : null);

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static (IReadOnlyList<ShopField> Fields, object?[] Values, string? Problem) Convert(ShopEntity entity, JsonElement record)
    {
        var fields = new List<ShopField>();
        var values = new List<object?>();
        foreach (var property in record.EnumerateObject())
        {
            if (entity.Find(property.Name) is not { } field)
                return ([], [], $"{entity.Name} has no field '{property.Name}' (its fields: {string.Join(", ", entity.Fields)})");
            var value = JsonValues.Convert(property.Value, field, out var error);
            if (error is not null) return ([], [], error);
            fields.Add(field);
            values.Add(value);
        }
        foreach (var key in entity.Keys)
        {
            var at = fields.IndexOf(key);
            if (at < 0 || values[at] is null) return ([], [], $"{key.Name}: required (part of the {entity.Name} key)");
        }
        // One order of fields per shape, whatever order the properties came in.
        var order = fields.Select((f, i) => (f, i)).OrderBy(p => entity.Fields.ToList().IndexOf(p.f)).ToArray();
        return (order.Select(p => p.f).ToArray(), order.Select(p => values[p.i]).ToArray(), null);
    }

    private void Reject(long line, string reason, JsonElement record)
    {
        // The raw bytes, with U+FFFD for what is not UTF-8 (GetRawText would throw on those).
        var raw = new Dictionary<string, string?> { ["record"] = System.Text.Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(record)) };
        _rows.Add(MappedRow.Rejected(line, reason, raw));
    }
}
