namespace Monitoring.Checks.Yaml;

/// <summary>What every node of one YAML file shares: where it came from, where errors go, how variables expand.</summary>
public sealed record ConfigFile(string DisplayPath, ConfigDiagnostics Diagnostics, VariableExpander Expander);
