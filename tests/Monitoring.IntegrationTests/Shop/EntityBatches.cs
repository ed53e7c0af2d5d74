using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.IntegrationTests.Shop;

/// <summary>Hand-built rows of one shop entity, as an import would hand them to the writer.</summary>
public static class EntityBatches
{
    /// <summary>A batch of <paramref name="entity"/> with the named fields, one array of values per row in field order.</summary>
    public static EntityBatch Batch(ShopEntity entity, string[] fields, params object?[][] rows)
    {
        var batch = new EntityBatch(new EntityTarget(entity, fields.Select(f => entity.Find(f)!).ToArray()));
        foreach (var row in rows) batch.Add(row);
        return batch;
    }
}
