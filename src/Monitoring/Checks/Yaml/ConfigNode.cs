using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Checks.Yaml;

/// <summary>
/// A YAML node that knows its file, line and path, reads typed values and records every problem it meets in the
/// file's diagnostics instead of throwing, so that one pass over a folder reports all errors at once.
/// Settings classes read themselves from a node and finish with <see cref="RejectUnknownKeys"/>.
/// </summary>
public sealed class ConfigNode
{
    private readonly HashSet<string> _readKeys = new(StringComparer.Ordinal);

    public ConfigNode(YamlNode node, string path, ConfigFile file)
    {
        Raw = node;
        Path = path;
        File = file;
    }

    public YamlNode Raw { get; }

    /// <summary>The YAML path of this node, like <c>probes[2].expect</c>.</summary>
    public string Path { get; }

    public ConfigFile File { get; }

    /// <summary>1-based line where the node starts.</summary>
    public int Line => (int)Raw.Start.Line;

    public bool IsMapping => Raw is YamlMappingNode;

    public bool IsSequence => Raw is YamlSequenceNode;

    /// <summary>Records an error located at this node.</summary>
    public void Error(string message) => File.Diagnostics.Add(File.DisplayPath, Line, Path, message);

    /// <summary>The child under <paramref name="key"/>, or null when absent (an explicit YAML null counts as absent).</summary>
    public ConfigNode? Child(string key)
    {
        _readKeys.Add(key);
        if (Raw is not YamlMappingNode mapping) return null;
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode scalar && scalar.Value == key)
                return IsNull(v) ? null : new ConfigNode(v, ChildPath(key), File);
        }
        return null;
    }

    /// <summary>The child under <paramref name="key"/>; records "required" and returns null when absent.</summary>
    public ConfigNode? RequiredChild(string key)
    {
        var child = Child(key);
        if (child is null) File.Diagnostics.Add(File.DisplayPath, Line, ChildPath(key), "required");
        return child;
    }

    /// <summary>This node's text with <c>${ENV}</c> expanded; null (with an error) when it is not a scalar.</summary>
    public string? Scalar()
    {
        if (Raw is not YamlScalarNode scalar)
        {
            Error($"expected a single value, found a {Describe(Raw)}");
            return null;
        }
        var expanded = File.Expander.Expand(scalar.Value ?? "", out var error);
        if (error is not null) Error(error);
        return expanded;
    }

    public string? String(string key) => Child(key)?.Scalar();

    public string? RequiredString(string key)
    {
        var value = RequiredChild(key)?.Scalar();
        return value is { Length: 0 } ? null : value;
    }

    public TimeSpan? Duration(string key)
    {
        var child = Child(key);
        var text = child?.Scalar();
        if (child is null || text is null) return null;
        if (Durations.TryParse(text, out var duration) && duration > TimeSpan.Zero) return duration;
        child.Error($"'{text}' is not a duration (write e.g. 500ms, 30s, 5m, 1h)");
        return null;
    }

    public int? Int(string key)
    {
        var child = Child(key);
        return child is null ? null : child.AsInt();
    }

    public int? AsInt()
    {
        var text = Scalar();
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Error($"'{text}' is not a whole number");
        return null;
    }

    public bool? Bool(string key)
    {
        var child = Child(key);
        var text = child?.Scalar();
        if (child is null || text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                child.Error($"'{text}' is not a boolean (write true or false)");
                return null;
        }
    }

    /// <summary>The items of the sequence under <paramref name="key"/>; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<ConfigNode> Items(string key)
    {
        var child = Child(key);
        return child is null ? [] : child.AsItems();
    }

    public IReadOnlyList<ConfigNode> AsItems()
    {
        if (Raw is YamlSequenceNode sequence)
            return sequence.Children.Select((item, i) => new ConfigNode(item, $"{Path}[{i}]", File)).ToList();
        if (Raw is YamlScalarNode) return [this];
        Error($"expected a list, found a {Describe(Raw)}");
        return [];
    }

    /// <summary>The entries of the mapping under <paramref name="key"/>, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries(string key)
    {
        var child = Child(key);
        if (child is null) return [];
        if (child.Raw is not YamlMappingNode mapping)
        {
            child.Error($"expected a mapping of names to values, found a {Describe(child.Raw)}");
            return [];
        }
        return mapping.Children
            .Select(kv => new KeyValuePair<string, ConfigNode>(
                ((YamlScalarNode)kv.Key).Value ?? "", new ConfigNode(kv.Value, child.ChildPath(((YamlScalarNode)kv.Key).Value ?? ""), File)))
            .ToList();
    }

    /// <summary>Records an error for every key of this mapping that no reader asked for, suggesting the closest known key.</summary>
    public void RejectUnknownKeys()
    {
        if (Raw is not YamlMappingNode mapping) return;
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            var name = key.Value ?? "";
            if (_readKeys.Contains(name)) continue;
            var suggestion = Suggest(name, _readKeys);
            var hint = suggestion is null ? $" (known keys: {string.Join(", ", _readKeys.Order())})" : $" (did you mean '{suggestion}'?)";
            File.Diagnostics.Add(File.DisplayPath, (int)key.Start.Line, ChildPath(name), "unknown key" + hint);
        }
    }

    /// <summary>Checks that this node is a mapping, recording an error otherwise.</summary>
    public bool ExpectMapping()
    {
        if (IsMapping) return true;
        Error($"expected a mapping (key: value lines), found a {Describe(Raw)}");
        return false;
    }

    private string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "single value",
    };

    private static string? Suggest(string unknown, IEnumerable<string> known) => Suggestions.Closest(unknown, known);
}
