using Monitoring.Shop.Model;

namespace Monitoring.Shop.Import;

/// <summary>
/// One entity a source writes and the fields it provides, in the order its values come. A source writes only the
/// fields it maps: an ERP line export that knows an account's id and country leaves the name the CRM export gave.
/// </summary>
public sealed record EntityTarget
{
    public EntityTarget(ShopEntity entity, IReadOnlyList<ShopField> fields)
    {
        var missingKeys = entity.Keys.Where(k => !fields.Contains(k)).ToArray();
        if (missingKeys.Length > 0)
            throw new ArgumentException($"{entity.Name}: the key field(s) {string.Join(", ", missingKeys.Select(k => k.Name))} must be mapped", nameof(fields));
        Entity = entity;
        Fields = fields;
        KeyPositions = entity.Keys.Select(k => fields.ToList().IndexOf(k)).ToArray();
    }

    public ShopEntity Entity { get; }

    public IReadOnlyList<ShopField> Fields { get; }

    /// <summary>Where each key field sits in <see cref="Fields"/>.</summary>
    public IReadOnlyList<int> KeyPositions { get; }

    /// <summary>A target of every field of the entity.</summary>
    public static EntityTarget AllFields(ShopEntity entity) => new(entity, entity.Fields);
}
