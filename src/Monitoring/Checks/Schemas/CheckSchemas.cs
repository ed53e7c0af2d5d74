using System.Collections.Concurrent;
using NJsonSchema;

namespace Monitoring.Checks.Schemas;

/// <summary>
/// The JSON Schema of each kind of file in checks/, embedded in the assembly: served at <c>/schemas/{name}.json</c>,
/// written by <c>monitoring schema</c>, and used by <c>monitoring validate</c> next to the readers' own checks.
/// </summary>
public static class CheckSchemas
{
    /// <summary>Schema name → the files of a checks folder it describes (relative path or folder prefix).</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["monitoring"] = CheckSetLoader.SettingsFile,
        ["alerts"] = CheckSetLoader.AlertsFile,
        ["probes"] = CheckSetLoader.ProbesFolder + "/",
        ["scenarios"] = Scenarios.ScenarioReader.Folder + "/",
        ["sources"] = Shop.Sources.SourceReader.Folder + "/",
        ["quality"] = Quality.QualityRuleReader.Folder + "/",
        ["kpi-targets"] = "kpis/targets.yaml",
        ["kpi-calendar"] = "kpis/calendar.yaml",
    };

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Compiled = new();

    /// <summary>The schema's JSON text, or null for an unknown name.</summary>
    public static string? Text(string name)
    {
        if (!Names.ContainsKey(name)) return null;
        using var stream = typeof(CheckSchemas).Assembly.GetManifestResourceStream($"Monitoring.Checks.Schemas.{name}.schema.json");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed schema, read once per process.</summary>
    public static JsonSchema Schema(string name) =>
        Compiled.GetOrAdd(name, n => new Lazy<JsonSchema>(() =>
            JsonSchema.FromJsonAsync(Text(n) ?? throw new ArgumentException($"no schema named '{n}'")).GetAwaiter().GetResult())).Value;

    /// <summary>The schema name of a file, given its path relative to the checks folder (with '/'); null when none applies.</summary>
    public static string? NameFor(string relativePath)
    {
        foreach (var (name, target) in Names)
        {
            if (target.EndsWith('/') ? relativePath.StartsWith(target, StringComparison.Ordinal) : relativePath == target)
                return name;
        }
        return null;
    }
}
