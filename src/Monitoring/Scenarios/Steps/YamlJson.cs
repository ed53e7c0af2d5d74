using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Checks.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Scenarios.Steps;

/// <summary>A YAML value as JSON, for <c>json:</c> bodies and GraphQL variables. Unquoted numbers, true, false and null
/// keep their JSON type; everything quoted is text (so <c>"42"</c> stays a string). <c>${ENV}</c> is expanded as in any
/// other value.</summary>
public static class YamlJson
{
    public static JsonNode? Convert(ConfigNode node)
    {
        switch (node.Raw)
        {
            case YamlMappingNode mapping:
                var map = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    map[name] = Convert(new ConfigNode(value, $"{node.Path}.{name}", node.File));
                }
                return map;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select((item, i) => Convert(new ConfigNode(item, $"{node.Path}[{i}]", node.File))).ToArray());
            default:
                var scalar = (YamlScalarNode)node.Raw;
                var text = node.Scalar() ?? "";
                if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
                if (text is "null" or "~" or "") return null;
                if (text is "true" or "false") return JsonValue.Create(text == "true");
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return JsonValue.Create(whole);
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
                return JsonValue.Create(text);
        }
    }
}
