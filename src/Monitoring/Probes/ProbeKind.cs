using Monitoring.Checks.Yaml;

namespace Monitoring.Probes;

/// <summary>How a probe kind is known to the service: its name in YAML, how its settings are read, which class runs it.</summary>
public sealed record ProbeKind(string Name, Type ProbeType, Func<ConfigNode, IProbeSettings?> ReadSettings)
{
    public static ProbeKind Create<TProbe, TSettings>(string name)
        where TProbe : class, IProbe
        where TSettings : class, IProbeSettings, IReadsFromConfig<TSettings> =>
        new(name, typeof(TProbe), node => TSettings.Read(node));
}
