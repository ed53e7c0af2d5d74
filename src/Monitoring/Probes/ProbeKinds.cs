using Monitoring.Probes.Http;

namespace Monitoring.Probes;

/// <summary>Every probe kind the service knows. Adding a kind is one folder and one line here.</summary>
public static class ProbeKinds
{
    public static IReadOnlyList<ProbeKind> All { get; } =
    [
        ProbeKind.Create<HttpProbe, HttpProbeSettings>("http"),
    ];
}
