using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Monitoring.Scenarios.Captures;

/// <summary><c>{ json: $.cart.id }</c>: the value at a JSONPath; a text as is, anything else as compact JSON.</summary>
public sealed record JsonCapture(string Path) : ICapture
{
    public string? Take(StepAnswer answer, out string? problem)
    {
        var root = answer.Json(out var notJson);
        if (root is null)
        {
            problem = $"json {Path}: the body is not JSON ({notJson})";
            return null;
        }
        var token = root.SelectToken(Path);
        problem = token is null or { Type: JTokenType.Null } ? $"json {Path}: nothing there" : null;
        return problem is not null ? null : token!.Type == JTokenType.String ? (string)token! : token!.ToString(Formatting.None);
    }

    public static ICapture? Read(ConfigNode node)
    {
        var path = node.String("json");
        if (path is null) return null;
        try
        {
            _ = new JObject().SelectToken(path);
            return new JsonCapture(path);
        }
        catch (JsonException e)
        {
            node.Child("json")!.Error($"'{path}' is not a JSON path ({e.Message})");
            return null;
        }
    }
}
