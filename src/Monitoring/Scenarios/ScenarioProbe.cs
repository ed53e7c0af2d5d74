using System.Data.Common;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Scenarios.Browser;
using Monitoring.Storage;

namespace Monitoring.Scenarios;

/// <summary>
/// The <c>scenario</c> probe kind: runs the steps, then keeps what a probe result cannot carry (the steps) in the
/// scenario store and the step metrics, keyed by the result's run id. ProbeJob does the rest as for any probe:
/// retries, the probe result, incidents and alerts, whose message names the failing step.
/// </summary>
/// <remarks>Each attempt records its steps, retries included: an attempt that was retried keeps its steps under its own
/// run id (no probe result names it), and the latest steps of a scenario are always those of its final attempt.</remarks>
public sealed class ScenarioProbe(TimeProvider time, IScenarioStore store, MonitoringMetrics metrics, BrowserScenarioRunner browser,
    ILogger<ScenarioProbe> logger) : IProbe
{
    private readonly ScenarioRunner _runner = new(time);

    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var run = probe.Settings is BrowserScenarioSettings
            ? await browser.RunAsync(probe, cancellationToken)
            : await _runner.RunAsync(probe, cancellationToken);
        metrics.RecordScenarioSteps(probe.Id, run.Steps);
        try
        {
            await store.RecordAsync(run.Result.RunId, probe.Id, run.Result.StartedAt, run.Steps, cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The shop's state still reaches the metrics and the probe result; only the step detail is lost.
            logger.LogWarning(e, "Could not store the steps of scenario {Scenario} run {RunId}", probe.Id, run.Result.RunId);
        }
        return run.Result;
    }
}
