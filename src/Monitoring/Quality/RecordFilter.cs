using Monitoring.Checks.Yaml;
using Monitoring.Shop.Model;

namespace Monitoring.Quality;

/// <summary>
/// A rule's <c>when:</c>: field conditions that must all hold for the rule to apply to a record. Written as a mapping
/// (<c>when: {status: active, kind: image}</c>) or a list of them; a value is one text or a list of texts (any of them,
/// compared case-insensitively), <c>{not: value-or-list}</c>, or <c>{present: true|false}</c>.
/// </summary>
public sealed class RecordFilter
{
    private readonly IReadOnlyList<Condition> _conditions;

    private RecordFilter(IReadOnlyList<Condition> conditions) => _conditions = conditions;

    public static RecordFilter Always { get; } = new([]);

    /// <summary>Whether every condition holds on the record.</summary>
    public bool Matches(QualityRecord record)
    {
        // A loop rather than All(): every rule tests every record of its entity.
        foreach (var condition in _conditions)
            if (!condition.Holds(record.Text(condition.Field))) return false;
        return true;
    }

    /// <summary>The fields the conditions read: a scan that reads only some columns must read these.</summary>
    public IEnumerable<string> Fields => _conditions.Select(c => c.Field);

    public override string ToString() => _conditions.Count == 0 ? "always" : string.Join(" and ", _conditions);

    /// <summary>Reads the node of <c>when:</c>; fields unknown to <paramref name="entity"/> are errors.</summary>
    public static RecordFilter Read(ConfigNode? node, ShopEntity entity)
    {
        if (node is null) return Always;
        var conditions = new List<Condition>();
        foreach (var item in node.IsSequence ? node.AsItems() : [node])
        {
            if (!item.ExpectMapping()) continue;
            foreach (var (field, value) in RuleSettings.EntriesOf(item))
            {
                if (entity.Find(field) is null)
                {
                    value.Error($"'{field}' is not a field of {entity.Name} (fields: {string.Join(", ", entity.Fields)})");
                    continue;
                }
                if (ReadCondition(field, value) is { } condition) conditions.Add(condition);
            }
        }
        return new RecordFilter(conditions);
    }

    private static Condition? ReadCondition(string field, ConfigNode value)
    {
        if (!value.IsMapping) return new Condition(field, Texts(value), Negated: false, Present: null);
        Condition? condition = null;
        if (value.Child("not") is { } not) condition = new Condition(field, Texts(not), Negated: true, Present: null);
        else if (value.Bool("present") is { } present) condition = new Condition(field, [], Negated: false, Present: present);
        else value.Error("write a value, a list of values, {not: value} or {present: true|false}");
        value.RejectUnknownKeys();
        return condition;
    }

    private static HashSet<string> Texts(ConfigNode node) =>
        node.AsItems().Select(i => i.Scalar()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    private sealed record Condition(string Field, HashSet<string> Values, bool Negated, bool? Present)
    {
        public bool Holds(string? value) => Present switch
        {
            true => value is not null,
            false => value is null,
            // A missing value is in no list: "status: active" does not apply to a record without a status.
            _ => value is not null && Values.Contains(value.Trim()) != Negated || value is null && Negated,
        };

        public override string ToString() => Present switch
        {
            true => $"{Field} present",
            false => $"{Field} absent",
            _ => $"{Field} {(Negated ? "not in" : "in")} [{string.Join(", ", Values)}]",
        };
    }
}
