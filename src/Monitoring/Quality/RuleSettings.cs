using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Checks.Yaml;
using Monitoring.Shop.Model;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Quality;

/// <summary>
/// A rule's node with readers for the settings kinds share: field names checked against the entity, numbers,
/// patterns. Every problem goes to the file's diagnostics; a reader returns null (or a default) and carries on.
/// </summary>
public sealed class RuleSettings(ConfigNode node, ShopEntity entity)
{
    public ConfigNode Node { get; } = node;

    /// <summary>The entity the rule is declared on.</summary>
    public ShopEntity Entity { get; } = entity;

    /// <summary>A field of <paramref name="of"/> (the rule's entity by default) named under <paramref name="key"/>,
    /// or <paramref name="fallback"/> when the key is absent; required when there is no fallback.</summary>
    public string? Field(string key, string? fallback = null, ShopEntity? of = null)
    {
        var target = of ?? Entity;
        var child = Node.Child(key);
        if (child is null)
        {
            if (fallback is null) Node.RequiredChild(key);
            return fallback is null || target.Find(fallback) is not null ? fallback : Missing(Node, key, fallback, target);
        }
        var name = child.Scalar();
        if (name is null) return null;
        return target.Find(name) is not null ? name : Missing(child, key, name, target);
    }

    /// <summary>Several fields (a list, or one name).</summary>
    public IReadOnlyList<string> Fields(string key, ShopEntity? of = null)
    {
        var target = of ?? Entity;
        var fields = new List<string>();
        foreach (var item in Node.Items(key))
        {
            if (item.Scalar() is not { } name) continue;
            if (target.Find(name) is null) Missing(item, key, name, target);
            else fields.Add(name);
        }
        return fields;
    }

    public decimal? Decimal(string key)
    {
        var child = Node.Child(key);
        var text = child?.Scalar();
        if (child is null || text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        child.Error($"'{text}' is not a number");
        return null;
    }

    /// <summary>A whole number at least <paramref name="min"/>.</summary>
    public int? Int(string key, int min = 0)
    {
        var value = Node.Int(key);
        if (value is null || value >= min) return value;
        Node.Child(key)!.Error($"must be at least {min}");
        return null;
    }

    public bool Bool(string key, bool fallback) => Node.Bool(key) ?? fallback;

    public IReadOnlyList<string> Strings(string key) =>
        Node.Items(key).Select(i => i.Scalar()).OfType<string>().ToArray();

    /// <summary>A regular expression that a pathological value cannot stall a scan with: non-backtracking where the
    /// pattern allows it, else with a 100 ms timeout.</summary>
    public Regex? Pattern(string key, bool ignoreCase = false)
    {
        var child = Node.RequiredChild(key);
        var text = child?.Scalar();
        if (child is null || text is null) return null;
        try
        {
            var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            // The non-backtracking engine matches in time linear in the value, so it needs no timeout: a wall-clock
            // timeout failed records at random on a loaded machine (a full scan of a million SKUs saw a few 10-character
            // SKUs "time out" each run, and their findings opened and resolved from one scan to the next). Patterns it
            // does not support (backreferences, lookarounds) keep the backtracking engine and its 100 ms guard.
            try { return new Regex(text, options | RegexOptions.NonBacktracking); }
            catch (NotSupportedException) { return new Regex(text, options, TimeSpan.FromMilliseconds(100)); }
        }
        catch (ArgumentException e)
        {
            child.Error($"'{text}' is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    /// <summary>The model entity called <paramref name="name"/>, recording an error under <paramref name="key"/> otherwise.</summary>
    public ShopEntity? EntityNamed(string key, string name)
    {
        var found = ShopModel.Find(name);
        if (found is null) Node.Child(key)?.Error($"'{name}' is not an entity (known: {ShopModel.KnownNames})");
        return found;
    }

    /// <summary>The entries of a mapping node, each a node with its own path and line.</summary>
    public static IEnumerable<(string Key, ConfigNode Value)> EntriesOf(ConfigNode node) =>
        node.Raw is YamlMappingNode mapping
            ? mapping.Children.Select(kv => (
                Key: (kv.Key as YamlScalarNode)?.Value ?? "",
                Value: new ConfigNode(kv.Value, $"{node.Path}.{(kv.Key as YamlScalarNode)?.Value}", node.File)))
            : [];

    private static string? Missing(ConfigNode at, string key, string name, ShopEntity entity)
    {
        at.Error($"{key}: '{name}' is not a field of {entity.Name} (fields: {string.Join(", ", entity.Fields)})");
        return null;
    }
}
