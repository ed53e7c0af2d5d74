using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Captures;

/// <summary><c>{ header: Location }</c>: a response header's value (name compared ignoring case).</summary>
public sealed record HeaderCapture(string Name) : ICapture
{
    public string? Take(StepAnswer answer, out string? problem)
    {
        var found = answer.Http.Headers.TryGetValue(Name, out var value);
        problem = found ? null : $"header {Name}: absent";
        return value;
    }

    public static ICapture? Read(ConfigNode node) => node.String("header") is { Length: > 0 } name ? new HeaderCapture(name) : null;
}
