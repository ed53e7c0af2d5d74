using Monitoring.Shop.Import;
using Monitoring.Shop.Model;

namespace Monitoring.Shop.Mapping;

/// <summary>
/// The entity mappings of a source compiled for one open file or query: maps the current row to a
/// <see cref="MappedRow"/>. A row is atomic: the first field that fails rejects it, naming the field, column and value.
/// </summary>
public sealed class RowMapper
{
    /// <summary>The pseudo-field a <c>when:</c> condition is declared as.</summary>
    public static readonly ShopField WhenField = new("when", ShopFieldType.Boolean);

    private readonly CompiledEntity[] _entities;
    private readonly ValueFormat _format;

    /// <param name="mappings">The entities, in the order of the reader's targets.</param>
    /// <param name="ordinal">Column ordinals; every column the mappings read must exist.</param>
    /// <param name="format">How the source writes numbers and dates.</param>
    public RowMapper(IReadOnlyList<EntityMapping> mappings, Func<string, int> ordinal, ValueFormat format)
    {
        _format = format;
        _entities = mappings.Select(m => new CompiledEntity(
            $"{m.Entity.Name}.",
            m.When is null ? null : ExpressionCompiler.Compile(m.When.Expression, ordinal, format),
            m.Fields.Select(f => ExpressionCompiler.Compile(f.Expression, ordinal, format)).ToArray(),
            m.Fields.Select(f => f.Field).ToArray(),
            m.Entity.Name)).ToArray();
        Targets = mappings.Select(m => new EntityTarget(m.Entity, m.Fields.Select(f => f.Field).ToArray())).ToArray();
    }

    public IReadOnlyList<EntityTarget> Targets { get; }

    /// <summary>Maps the row; on failure returns false with the reason and the entity whose mapping failed.</summary>
    public bool TryMap(RowView row, out object?[]?[] values, out string? rejection, out string? entity)
    {
        values = new object?[]?[_entities.Length];
        for (var e = 0; e < _entities.Length; e++)
        {
            var compiled = _entities[e];
            entity = compiled.Name;
            if (compiled.When is { } when)
            {
                var condition = when(row);
                var error = condition;
                var applies = !condition.IsError && Coerce.IsTrue(condition, row, out error);
                if (error.IsError)
                {
                    rejection = compiled.Prefix + "when: " + error.ErrorMessage;
                    return false;
                }
                if (!applies) continue;
            }

            var fields = compiled.Fields;
            var record = new object?[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                record[f] = FieldConversion.Convert(compiled.Evaluators[f](row), fields[f].Type, row, _format, out var error);
                if (error is not null)
                {
                    rejection = compiled.Prefix + fields[f].Name + ": " + error;
                    return false;
                }
                if (record[f] is null && fields[f].IsKey)
                {
                    rejection = $"{compiled.Prefix}{fields[f].Name}: the key is empty";
                    return false;
                }
            }
            values[e] = record;
        }
        rejection = null;
        entity = null;
        return true;
    }

    private sealed record CompiledEntity(string Prefix, Evaluator? When, Evaluator[] Evaluators, ShopField[] Fields, string Name);
}
