using System.Diagnostics;

namespace Monitoring.Probes;

/// <summary>
/// Runs a probe of any kind with its timeout enforced. A probe that throws despite the contract is turned into a
/// failed result, so that one buggy kind cannot stop the schedule.
/// </summary>
public sealed class ProbeRunner(IServiceProvider services, TimeProvider time, ILogger<ProbeRunner> logger)
{
    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var implementation = services.GetRequiredKeyedService<IProbe>(probe.Kind);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        try
        {
            return await implementation.RunAsync(probe, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Probe {Probe} ({Kind}) threw instead of returning a result", probe.Id, probe.Kind);
            return new ProbeResult(Guid.NewGuid(), probe.Id, startedAt, time.GetElapsedTime(started), ProbeOutcome.Fail,
                null, $"probe error: {e.GetType().Name}: {e.Message}") { Failure = FailureClass.ProbeError };
        }
    }
}
