using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>
/// Collects rows per entity into batches of at most the batch size. Generation stays synchronous: a full batch is
/// queued, and the generator hands the queue to the sink between days, so memory holds about a day of rows.
/// </summary>
internal sealed class DemoBatchWriter(int batchSize, Func<EntityBatch, CancellationToken, Task> sink)
{
    private readonly Dictionary<ShopEntity, EntityBatch> _open = [];
    private readonly Queue<EntityBatch> _full = new();
    private readonly Dictionary<string, long> _rows = ShopModel.Entities.ToDictionary(e => e.Name, _ => 0L);
    private readonly Dictionary<ShopEntity, EntityTarget> _targets = ShopModel.Entities.ToDictionary(e => e, EntityTarget.AllFields);

    /// <summary>Rows written so far, per entity name.</summary>
    public IReadOnlyDictionary<string, long> Rows => _rows;

    /// <summary>Adds one row, its values in the entity's field order.</summary>
    public void Add(ShopEntity entity, object?[] row)
    {
        if (row.Length != entity.Fields.Count)
            throw new InvalidOperationException($"{entity.Name}: {row.Length} values for {entity.Fields.Count} fields");
        if (!_open.TryGetValue(entity, out var batch))
            _open[entity] = batch = new EntityBatch(_targets[entity], Math.Min(batchSize, 1024));
        batch.Add(row);
        _rows[entity.Name]++;
        if (batch.Count >= batchSize)
        {
            _full.Enqueue(batch);
            _open.Remove(entity);
        }
    }

    public void AddRange(ShopEntity entity, IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) Add(entity, row);
    }

    /// <summary>Hands the full batches to the sink, in the order they filled.</summary>
    public async Task FlushFullAsync(CancellationToken ct)
    {
        while (_full.TryDequeue(out var batch))
        {
            ct.ThrowIfCancellationRequested();
            await sink(batch, ct);
        }
    }

    /// <summary>Hands every batch, full or not, to the sink: full ones first, then the rest in model order.</summary>
    public async Task FlushAllAsync(CancellationToken ct)
    {
        await FlushFullAsync(ct);
        foreach (var entity in ShopModel.Entities)
            if (_open.Remove(entity, out var batch) && batch.Count > 0)
                await sink(batch, ct);
    }
}
