namespace Monitoring.Incidents;

/// <summary>Latency percentiles of a set of runs (nearest-rank), for pages and reports.</summary>
public sealed record LatencySummary(int Runs, TimeSpan? P50, TimeSpan? P95, TimeSpan? P99)
{
    public static LatencySummary Empty { get; } = new(0, null, null, null);

    public static LatencySummary Of(IReadOnlyList<TimeSpan> durations)
    {
        if (durations.Count == 0) return Empty;
        var sorted = durations.Order().ToArray();
        TimeSpan Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99));
    }
}
