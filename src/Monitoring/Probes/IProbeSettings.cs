using Monitoring.Checks.Yaml;

namespace Monitoring.Probes;

/// <summary>The kind-specific part of a probe definition.</summary>
public interface IProbeSettings
{
    /// <summary>What the probe looks at, for pages and logs (a URL, host:port …). Never holds a secret.</summary>
    string Target { get; }
}

/// <summary>Settings that read and validate themselves from a YAML node, recording errors instead of throwing.</summary>
public interface IReadsFromConfig<out TSelf>
{
    /// <summary>Reads the settings; returns null when the node is too broken to build them (errors are recorded).</summary>
    static abstract TSelf? Read(ConfigNode node);
}
