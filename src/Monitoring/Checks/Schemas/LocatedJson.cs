using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Checks.Schemas;

/// <summary>
/// A YAML document as JSON for schema validation, with the line of every node by its path (<c>probes[2].expect</c>,
/// the paths the readers' errors use), so that a schema violation is reported where it is in the file.
/// </summary>
public sealed partial class LocatedJson
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private LocatedJson(YamlNode root) => Json = Convert(root, "");

    public JToken Json { get; }

    public static LocatedJson From(YamlNode root) => new(root);

    /// <summary>The line of the node at <paramref name="path"/>, or of its nearest ancestor that has one.</summary>
    public int LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line)) return line;
            if (path.Length == 0) return 0;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut < 0 ? "" : path[..cut];
        }
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    private JToken Convert(YamlNode node, string path)
    {
        _lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    _lines[childPath] = (int)key.Start.Line;
                    // The readers take an explicit null as an absent key; so does the schema check.
                    if (IsNull(value)) continue;
                    obj[name] = Convert(value, childPath);
                    _lines[childPath] = (int)key.Start.Line;
                }
                return obj;
            case YamlSequenceNode sequence:
                return new JArray(sequence.Children.Select((item, i) => Convert(item, $"{path}[{i}]")));
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return JValue.CreateNull();
        }
    }

    /// <summary>Plain scalars are typed the YAML 1.2 core way (as editors do); quoted ones stay strings.</summary>
    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return new JValue(text);
        if (text is "true" or "True" or "TRUE") return new JValue(true);
        if (text is "false" or "False" or "FALSE") return new JValue(false);
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)) return new JValue(whole);
        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new JValue(number);
        return new JValue(text);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };
}
