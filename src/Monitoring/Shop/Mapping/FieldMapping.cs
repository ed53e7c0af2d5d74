using Monitoring.Shop.Model;

namespace Monitoring.Shop.Mapping;

/// <summary>How one canonical field is computed from a row, and where that is written, for messages.</summary>
/// <param name="Field">The canonical field.</param>
/// <param name="Expression">The parsed expression.</param>
/// <param name="DeclaredAt">Where it is written: <c>checks/sources/erp.yaml:14</c>, or a description for defaults.</param>
/// <param name="Path">Its YAML path, <c>sources[0].entities.order_line.quantity</c>.</param>
public sealed record FieldMapping(ShopField Field, Expr Expression, string DeclaredAt, string Path);

/// <summary>How one entity is taken from each row of a source.</summary>
/// <param name="Entity">The canonical entity.</param>
/// <param name="When">The condition for the row to carry this entity, or null for every row.</param>
/// <param name="Fields">The mapped fields, in the entity's field order, keys included.</param>
public sealed record EntityMapping(ShopEntity Entity, FieldMapping? When, IReadOnlyList<FieldMapping> Fields)
{
    /// <summary>Every column the mapping reads, with the first place that reads it.</summary>
    public IEnumerable<(string Column, FieldMapping Where)> Columns() =>
        (When is null ? Fields : Fields.Prepend(When)).SelectMany(f => f.Expression.Columns().Select(c => (c, f)));
}
