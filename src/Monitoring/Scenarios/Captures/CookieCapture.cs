using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Captures;

/// <summary><c>{ cookie: session }</c>: a cookie of the run's jar. Always secret: a session cookie is a credential.</summary>
public sealed record CookieCapture(string Name) : ICapture
{
    public bool AlwaysSecret => true;

    public string? Take(StepAnswer answer, out string? problem)
    {
        var value = answer.Cookie(Name);
        problem = value is null ? $"cookie {Name}: not set" : null;
        return value;
    }

    public static ICapture? Read(ConfigNode node) => node.String("cookie") is { Length: > 0 } name ? new CookieCapture(name) : null;
}
