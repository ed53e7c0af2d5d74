using System.Text.Json.Serialization;
using Monitoring.Checks.Yaml;

namespace Monitoring.Scenarios.Browser;

/// <summary>
/// Settings of a browser scenario (<c>browser: true</c> in <c>checks/scenarios/</c>): its variables and steps, run in a
/// real Chromium. Stored as JSON with the probe definition, so only what is safe to show is serialised: step names,
/// actions and selectors, never values.
/// </summary>
public sealed class BrowserScenarioSettings : IScenarioSettings
{
    [JsonIgnore]
    public IReadOnlyList<ScenarioVariable> Variables { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<BrowserStep> Steps { get; init; } = [];

    public bool Browser => true;

    [JsonIgnore]
    public IReadOnlyList<string> StepIds => Steps.Select(s => s.Id).ToList();

    /// <summary>The steps as pages and the stored definition show them.</summary>
    public IEnumerable<object> StepSummaries => Steps.Select(s => new { s.Id, s.Name, Action = s.Action.Describe(), s.Always });

    /// <summary>The origin of the first page opened, filled with the variables that are not secret.</summary>
    public string Target
    {
        get
        {
            if (Steps.Select(s => s.Action).OfType<BrowserAction.Open>().FirstOrDefault() is not { } open) return "";
            var known = Variables.Where(v => !v.Secret).ToDictionary(v => v.Name, v => v.Value);
            var filled = Template.Fill(open.Url, known, out _);
            return Uri.TryCreate(filled, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : open.Url;
        }
    }

    public static BrowserScenarioSettings? Read(ConfigNode node)
    {
        var variables = ScenarioSettings.ReadVariables(node);
        var steps = node.RequiredChild("steps")?.AsItems().Select(BrowserStep.Read).ToList() ?? [];
        if (node.Child("steps") is { } stepsNode && steps.Count == 0) stepsNode.Error("a scenario needs at least one step");
        if (steps.Any(s => s is null)) return null;
        var valid = steps.OfType<BrowserStep>().ToList();
        if (valid.Count > 0 && valid[0].Action is not BrowserAction.Open)
            node.File.Diagnostics.Add(node.File.DisplayPath, valid[0].Line, $"{node.Path}.steps[0]",
                "the first step of a browser scenario opens a page (open: URL): a new browser has nothing to click on");
        ScenarioSettings.ReportStepProblems(
            valid.Select(s => new ScenarioSettings.StepOutline(s.Id, s.Line, s.Templates, [])).ToList(), variables, node);
        return valid.Count == 0 ? null : new BrowserScenarioSettings { Variables = variables, Steps = valid };
    }
}
