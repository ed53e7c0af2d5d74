using System.Text.Json.Nodes;
using Monitoring.Checks.Schemas;

namespace Monitoring.Tests.Docs;

/// <summary>
/// The keys each JSON Schema of checks/ declares, as dotted paths (<c>probes.alerting.failure_threshold</c>, list
/// markers left out, a map's free keys as <c>&lt;name&gt;</c>), walked through <c>$ref</c>, <c>anyOf</c>, <c>oneOf</c>,
/// <c>allOf</c>, <c>items</c> and <c>additionalProperties</c>.
/// </summary>
public static class SchemaKeys
{
    /// <summary>The schema's key paths, in the order the schema lists them.</summary>
    public static IReadOnlyList<string> Of(string schemaName)
    {
        var root = JsonNode.Parse(CheckSchemas.Text(schemaName)!)!.AsObject();
        var definitions = (root["definitions"] ?? root["$defs"])?.AsObject();
        var paths = new List<string>();
        Walk(root, "", paths, definitions, depth: 0);
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The path without its first segment (<c>alerting.failure_threshold</c>), as a table of one list's items
    /// writes it; null for a top-level key.</summary>
    public static string? Relative(string path) => path.IndexOf('.') is var dot and > 0 ? path[(dot + 1)..] : null;

    private static void Walk(JsonNode? node, string path, List<string> paths, JsonObject? definitions, int depth)
    {
        if (node is not JsonObject schema || depth > 20) return;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            Walk(definitions?[reference.Split('/')[^1]], path, paths, definitions, depth + 1);
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, child) in properties)
            {
                var childPath = path.Length == 0 ? name : $"{path}.{name}";
                paths.Add(childPath);
                Walk(child, childPath, paths, definitions, depth + 1);
            }
        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
            if (schema[combinator] is JsonArray alternatives)
                foreach (var alternative in alternatives) Walk(alternative, path, paths, definitions, depth + 1);
        Walk(schema["items"], path, paths, definitions, depth + 1);
        if (schema["additionalProperties"] is JsonObject free) Walk(free, $"{path}.<name>", paths, definitions, depth + 1);
    }
}
