using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// One step of a browser scenario: one action, then what the page must show. <c>name</c>, <c>id</c>, <c>timeout</c> and
/// <c>always</c> mean what they mean for an HTTP step (<see cref="ScenarioStep"/>).
/// </summary>
public sealed record BrowserStep(
    string Id,
    string Name,
    BrowserAction Action,
    BrowserExpectations Expect,
    TimeSpan? Timeout,
    bool Always,
    int Line)
{
    public IEnumerable<string> Templates => Action.Templates.Concat(Expect.Templates);

    public static BrowserStep? Read(ConfigNode node)
    {
        if (!node.ExpectMapping()) return null;
        var name = node.RequiredString("name");
        var id = node.String("id") ?? (name is null ? null : ScenarioStep.IdOf(name));
        if (id is not null && !ScenarioStep.IsValidId(id))
        {
            (node.Child("id") ?? node.Child("name")!).Error(node.Child("id") is null
                ? $"'{name}' makes no valid step id ('{id}'): give the step an id (lower-case letters, digits, '-' and '_')"
                : $"'{id}' is not a valid step id (lower-case letters, digits, '-' and '_', at most 63 characters)");
            id = null;
        }
        var hasExpect = node.Child("expect") is not null;
        var expect = BrowserExpectations.Read(node);
        var timeout = node.Duration("timeout");
        var always = node.Bool("always") ?? false;
        if (node.Child("request") is { } request)
        {
            request.Error("a browser step has no request: use open, click, fill, select, press or wait_for " +
                          "(or drop browser: true to make it an HTTP scenario)");
            node.RejectUnknownKeys();
            return null;
        }
        var action = BrowserAction.Read(node, hasExpect);
        node.RejectUnknownKeys();
        return name is null || id is null || action is null ? null : new BrowserStep(id, name, action, expect, timeout, always, node.Line);
    }
}
