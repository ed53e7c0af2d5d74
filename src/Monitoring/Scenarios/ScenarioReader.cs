using Monitoring.Checks.Yaml;
using Monitoring.Probes;

namespace Monitoring.Scenarios;

/// <summary>
/// Reads <c>checks/scenarios/*.yaml</c>: a top key <c>scenarios:</c> whose items have the common keys of a probe (id,
/// name, team, severity, interval, timeout, retries and the alerting policy) and, instead of <c>kind</c>, <c>vars</c> and
/// <c>steps</c>, and <c>browser: true</c> for steps run in a real browser. Each becomes a <see cref="ProbeDefinition"/> of kind <c>scenario</c>, so that it is scheduled, retried,
/// evaluated and alerted on like any probe.
/// </summary>
public static class ScenarioReader
{
    public const string Folder = "scenarios";

    public const string KindName = "scenario";

    /// <summary>The key that makes a scenario a browser scenario (<c>browser: true</c>): its steps drive Chromium instead
    /// of sending requests.</summary>
    public const string BrowserKey = "browser";

    /// <summary>The settings of one scenario: HTTP steps, or browser steps under <c>browser: true</c>.</summary>
    public static IProbeSettings? ReadSettings(ConfigNode node) => node.Bool(BrowserKey) == true
        ? Browser.BrowserScenarioSettings.Read(node)
        : ScenarioSettings.Read(node);

    /// <summary>The definitions of one file; <paramref name="readCheck"/> reads the common keys and the settings of
    /// the given kind, as for a probe.</summary>
    public static IReadOnlyList<ProbeDefinition> ReadFile(ConfigNode file, Func<ConfigNode, ProbeDefinition?> readCheck)
    {
        if (!file.ExpectMapping()) return [];
        var found = file.Items("scenarios").Select(readCheck).OfType<ProbeDefinition>().ToList();
        file.RejectUnknownKeys();
        return found;
    }
}
