using System.Text.RegularExpressions;
using Monitoring.Checks.Yaml;
using Monitoring.Scenarios.Captures;

namespace Monitoring.Scenarios.Steps;

/// <summary>
/// One step of a scenario: a request, what its answer must look like, what to capture from it for later steps.
/// </summary>
/// <param name="Id">The metric label: <c>id:</c>, or the name in lower case with runs of other characters as '-'
/// (<c>add to cart</c> → <c>add-to-cart</c>).</param>
/// <param name="Name">As written, for messages and pages.</param>
/// <param name="Timeout">How long the step may take; null: whatever is left of the scenario's timeout.</param>
/// <param name="Always">Runs even after an earlier step failed (cleanup: log out, empty the cart, cancel the order).</param>
public sealed partial record ScenarioStep(
    string Id,
    string Name,
    StepRequest Request,
    StepExpectations Expect,
    IReadOnlyList<CaptureSpec> Captures,
    TimeSpan? Timeout,
    bool Always,
    int Line)
{
    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotIdChars();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static string IdOf(string name) => NotIdChars().Replace(name.ToLowerInvariant(), "-").Trim('-');

    /// <summary>Every text of the step that may hold placeholders.</summary>
    public IEnumerable<string> Templates => Request.Templates.Concat(Expect.Templates);

    public static ScenarioStep? Read(ConfigNode node)
    {
        if (!node.ExpectMapping()) return null;
        var name = node.RequiredString("name");
        var id = node.String("id") ?? (name is null ? null : IdOf(name));
        if (id is not null && !IdPattern().IsMatch(id))
        {
            (node.Child("id") ?? node.Child("name")!).Error(node.Child("id") is null
                ? $"'{name}' makes no valid step id ('{id}'): give the step an id (lower-case letters, digits, '-' and '_')"
                : $"'{id}' is not a valid step id (lower-case letters, digits, '-' and '_', at most 63 characters)");
            id = null;
        }
        var request = StepRequest.Read(node);
        var expect = StepExpectations.Read(node);
        var captures = CaptureSpec.ReadAll(node);
        var timeout = node.Duration("timeout");
        var always = node.Bool("always") ?? false;
        node.RejectUnknownKeys();
        return name is null || id is null || request is null
            ? null
            : new ScenarioStep(id, name, request, expect, captures, timeout, always, node.Line);
    }
}
