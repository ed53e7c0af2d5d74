using Monitoring.Checks;
using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Http;

/// <summary>How slow a complete answer may be: past <see cref="DegradedOver"/> the run is degraded, past
/// <see cref="DownOver"/> it fails. Either may be null (then only the probe's timeout applies).</summary>
public sealed record LatencyExpectation(TimeSpan? DegradedOver = null, TimeSpan? DownOver = null)
{
    public static LatencyExpectation None { get; } = new();

    public HttpFinding? Check(TimeSpan latency)
    {
        if (DownOver is { } down && latency > down)
            return new($"latency: expected at most {Durations.Format(down)}, took {Durations.Format(latency)}", FailureClass.Latency);
        if (DegradedOver is { } degraded && latency > degraded)
            return new($"latency: {Durations.Format(latency)} is over the degraded threshold {Durations.Format(degraded)}",
                FailureClass.Latency, IsDown: false);
        return null;
    }

    /// <summary>Reads <c>latency: { degraded_over, down_over }</c> and its older synonym <c>max_latency</c> (= down_over)
    /// from the <c>expect</c> mapping.</summary>
    public static LatencyExpectation Read(ConfigNode expect)
    {
        var maxLatency = expect.Duration("max_latency");
        var latency = expect.Child("latency");
        if (latency is null || !latency.ExpectMapping())
            return new(null, maxLatency);

        var degradedOver = latency.Duration("degraded_over");
        var downOver = latency.Duration("down_over");
        latency.RejectUnknownKeys();
        if (maxLatency is not null && latency.Child("down_over") is not null)
            expect.Child("max_latency")!.Error("max_latency is a synonym of latency.down_over: set only one of them");
        var downName = downOver is null ? "max_latency" : "down_over";
        downOver ??= maxLatency;
        if (degradedOver is { } degraded && downOver is { } down && degraded >= down)
            latency.Child("degraded_over")!.Error(
                $"degraded_over {Durations.Format(degraded)} must be shorter than {downName} {Durations.Format(down)}");
        return new(degradedOver, downOver);
    }
}
