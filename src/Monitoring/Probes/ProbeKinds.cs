using Monitoring.Probes.DnsLookup;
using Monitoring.Probes.Http;
using Monitoring.Probes.Tcp;
using Monitoring.Probes.Tls;
using Monitoring.Scenarios;

namespace Monitoring.Probes;

/// <summary>Every probe kind the service knows. Adding a kind is one folder and one line here.</summary>
public static class ProbeKinds
{
    public static IReadOnlyList<ProbeKind> All { get; } =
    [
        ProbeKind.Create<HttpProbe, HttpProbeSettings>("http"),
        ProbeKind.Create<TcpProbe, TcpProbeSettings>("tcp"),
        ProbeKind.Create<DnsProbe, DnsProbeSettings>("dns"),
        ProbeKind.Create<TlsProbe, TlsProbeSettings>("tls"),
        new ProbeKind(ScenarioReader.KindName, typeof(ScenarioProbe), ScenarioReader.ReadSettings),
    ];
}
