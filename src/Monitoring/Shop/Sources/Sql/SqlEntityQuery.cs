using Monitoring.Checks.Yaml;
using Monitoring.Shop.Mapping;
using Monitoring.Shop.Model;

namespace Monitoring.Shop.Sources.Sql;

/// <summary>The query that reads one entity of a sql source, and how its result columns map.</summary>
/// <param name="Entity">The canonical entity.</param>
/// <param name="Query">The SQL; it may use <c>@watermark</c>.</param>
/// <param name="Watermark">The result column whose greatest value is kept after a complete import, or null to read all every time.</param>
/// <param name="Map">Expressions for fields; the other fields come from result columns of the same name.</param>
/// <param name="When">The condition for a row to be imported, or null.</param>
/// <param name="DeclaredAt">Where the entity is declared, <c>checks/sources/shop.yaml:7</c>.</param>
public sealed record SqlEntityQuery(
    ShopEntity Entity, string Query, string? Watermark, IReadOnlyList<FieldMapping> Map, FieldMapping? When, string DeclaredAt)
{
    public static SqlEntityQuery? Read(ConfigNode node, ShopEntity entity)
    {
        if (!node.ExpectMapping()) return null;
        var query = node.RequiredString("query");
        var watermark = node.String("watermark");
        var when = node.Child("when") is { } w ? MappingSettings.ReadExpression(w, RowMapper.WhenField) : null;
        IReadOnlyList<FieldMapping> map = [];
        if (node.Child("map") is { } mapNode && mapNode.ExpectMapping())
        {
            map = MappingSettings.ReadFields(mapNode, entity);
            mapNode.RejectUnknownKeys();
        }
        node.RejectUnknownKeys();
        return query is null ? null : new SqlEntityQuery(entity, query, watermark, map, when, $"{node.File.DisplayPath}:{node.Line}");
    }

    /// <summary>
    /// The mapping for a result with these columns: <see cref="Map"/>, then every column named like a field; null
    /// with the missing keys when a key field is neither.
    /// </summary>
    public EntityMapping? Resolve(IReadOnlyList<string> columns, out string[] missingKeys)
    {
        var fields = new List<FieldMapping>();
        foreach (var field in Entity.Fields)
        {
            if (Map.FirstOrDefault(m => m.Field == field) is { } mapped) fields.Add(mapped);
            else if (columns.FirstOrDefault(c => c.Equals(field.Name, StringComparison.OrdinalIgnoreCase)) is { } column)
                fields.Add(new FieldMapping(field, new ColumnExpr(column, 1), DeclaredAt, $"{Entity.Name} (result column {column})"));
        }
        missingKeys = Entity.Keys.Where(k => fields.All(f => f.Field != k)).Select(k => k.Name).ToArray();
        return missingKeys.Length == 0 ? new EntityMapping(Entity, When, fields) : null;
    }
}
