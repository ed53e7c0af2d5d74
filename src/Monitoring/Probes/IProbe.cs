namespace Monitoring.Probes;

/// <summary>One kind of probe (http, tls, tcp, dns …). Registered once in <see cref="ProbeKinds"/>.</summary>
public interface IProbe
{
    /// <summary>Runs the probe once. Failures of the probed target are returned as results, never thrown;
    /// only cancellation of <paramref name="cancellationToken"/> throws.</summary>
    Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken);
}
