namespace Monitoring.Shop.Import;

/// <summary>Rows of one entity target on their way to the store.</summary>
public sealed class EntityBatch(EntityTarget target, int capacity = 0)
{
    public EntityTarget Target { get; } = target;

    /// <summary>Values in the target's field order, typed as the fields' <see cref="Model.ShopField.ClrType"/>.</summary>
    public List<object?[]> Rows { get; } = new(capacity);

    public int Count => Rows.Count;

    public void Add(object?[] values) => Rows.Add(values);
}
