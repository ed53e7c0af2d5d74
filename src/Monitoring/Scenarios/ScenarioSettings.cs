using System.Text.Json.Serialization;
using Monitoring.Checks.Yaml;
using Monitoring.Probes;
using Monitoring.Scenarios.Steps;

namespace Monitoring.Scenarios;

/// <summary>A variable declared under <c>vars:</c>; <c>{ value: …, secret: true }</c> keeps its value out of results.</summary>
public sealed record ScenarioVariable(string Name, string Value, bool Secret);

/// <summary>
/// Settings of a <c>scenario</c>: its variables and its steps, in order. Stored as JSON with the probe definition, so
/// only what is safe to show is serialised: step names, methods and URL templates, never values, headers or bodies.
/// </summary>
public sealed class ScenarioSettings : IScenarioSettings, IReadsFromConfig<ScenarioSettings>
{
    /// <summary>Variables every run has without declaring them.</summary>
    public static IReadOnlyList<string> BuiltInVariables { get; } = ["run_id"];

    [JsonIgnore]
    public IReadOnlyList<ScenarioVariable> Variables { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<ScenarioStep> Steps { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<string> StepIds => Steps.Select(s => s.Id).ToList();

    /// <summary>The steps as pages and the stored definition show them.</summary>
    public IEnumerable<object> StepSummaries => Steps.Select(s => new { s.Id, s.Name, s.Request.Method, s.Request.Url, s.Always });

    /// <summary>Where the scenario goes: the origin of its first step, its URL filled with the variables that are not
    /// secret; the template itself when that is not enough to make a URL.</summary>
    public string Target
    {
        get
        {
            if (Steps.Count == 0) return "";
            var known = Variables.Where(v => !v.Secret).ToDictionary(v => v.Name, v => v.Value);
            var filled = Template.Fill(Steps[0].Request.Url, known, out _);
            return Uri.TryCreate(filled, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : Steps[0].Request.Url;
        }
    }

    public static ScenarioSettings? Read(ConfigNode node)
    {
        var variables = ReadVariables(node);
        var steps = node.RequiredChild("steps")?.AsItems().Select(ScenarioStep.Read).ToList() ?? [];
        if (node.Child("steps") is { } stepsNode && steps.Count == 0) stepsNode.Error("a scenario needs at least one step");
        if (steps.Any(s => s is null)) return null;
        var valid = steps.OfType<ScenarioStep>().ToList();
        ReportStepProblems(valid.Select(s => new StepOutline(s.Id, s.Line, s.Templates, s.Captures.Select(c => c.Name))).ToList(), variables, node);
        return valid.Count == 0 ? null : new ScenarioSettings { Variables = variables, Steps = valid };
    }

    /// <summary>The variables under <c>vars:</c>, shared by both kinds of scenario.</summary>
    internal static List<ScenarioVariable> ReadVariables(ConfigNode node)
    {
        var variables = new List<ScenarioVariable>();
        foreach (var (name, value) in node.Entries("vars"))
        {
            if (!Template.IsName(name) || BuiltInVariables.Contains(name))
            {
                value.Error(BuiltInVariables.Contains(name)
                    ? $"'{name}' is a built-in variable: choose another name"
                    : $"'{name}' is not a variable name (letters, digits and '_', not starting with a digit)");
                continue;
            }
            if (ReadVariable(name, value) is { } variable) variables.Add(variable);
        }
        return variables;
    }

    /// <summary>What the checks across steps need to know of a step, whatever its kind.</summary>
    internal sealed record StepOutline(string Id, int Line, IEnumerable<string> Templates, IEnumerable<string> Captures);

    /// <summary>Duplicate step ids and placeholders that nothing defines, for both kinds of scenario.</summary>
    internal static void ReportStepProblems(IReadOnlyList<StepOutline> steps, IReadOnlyList<ScenarioVariable> variables, ConfigNode node)
    {
        ReportDuplicateSteps(steps, node);
        ReportUndefinedVariables(steps, variables, node);
    }

    private static ScenarioVariable? ReadVariable(string name, ConfigNode value)
    {
        if (!value.IsMapping)
            return value.Scalar() is { } text ? new ScenarioVariable(name, text, Redactor.IsSecretName(name)) : null;
        var text2 = value.RequiredString("value");
        var secret = value.Bool("secret") ?? Redactor.IsSecretName(name);
        value.RejectUnknownKeys();
        return text2 is null ? null : new ScenarioVariable(name, text2, secret);
    }

    private static void ReportDuplicateSteps(IReadOnlyList<StepOutline> steps, ConfigNode node)
    {
        foreach (var group in steps.Select((s, i) => (Step: s, Index: i)).GroupBy(x => x.Step.Id).Where(g => g.Count() > 1))
            foreach (var (step, index) in group.Skip(1))
                node.File.Diagnostics.Add(node.File.DisplayPath, step.Line, $"{node.Path}.steps[{index}]",
                    $"duplicate step id '{step.Id}' (first at line {group.First().Step.Line}): give the steps different names or ids");
    }

    /// <summary>A placeholder must name a variable, a built-in, or a capture of an earlier step: a typo is found when
    /// the file is read, not at three in the morning.</summary>
    private static void ReportUndefinedVariables(IReadOnlyList<StepOutline> steps, IReadOnlyList<ScenarioVariable> variables, ConfigNode node)
    {
        var known = variables.Select(v => v.Name).Concat(BuiltInVariables).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var name in steps[i].Templates.SelectMany(Template.Names).Distinct().Where(n => !known.Contains(n)))
                node.File.Diagnostics.Add(node.File.DisplayPath, steps[i].Line, $"{node.Path}.steps[{i}]",
                    $"'{{{{{name}}}}}' is not defined: declare it under vars or capture it in an earlier step");
            known.UnionWith(steps[i].Captures);
        }
    }
}
