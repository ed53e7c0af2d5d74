using Monitoring.Probes;

namespace Monitoring.Storage;

/// <summary>Probe definitions and the results of their runs.</summary>
public interface IProbeStore
{
    /// <summary>Makes the stored definitions match <paramref name="probes"/>: upserts them and marks the others inactive
    /// (their results are kept).</summary>
    Task SyncDefinitionsAsync(IReadOnlyList<ProbeDefinition> probes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The active definitions, ordered by id.</summary>
    Task<IReadOnlyList<StoredProbe>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Stores one result; recording the same run twice stores it once.</summary>
    Task RecordAsync(ProbeResult result, CancellationToken cancellationToken);

    /// <summary>Per active probe: its last result and how many runs passed since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ProbeSummary>> SummariseAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Durations of every active probe's runs that were up since <paramref name="since"/>, for latency percentiles.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>>> UpDurationsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes raw results older than <paramref name="cutoff"/> (rollups keep the history); returns how many.</summary>
    Task<int> DeleteResultsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>A probe's results with <c>from &lt;= started_at &lt; to</c>, oldest first.</summary>
    Task<IReadOnlyList<ProbeResult>> ResultsAsync(string probeId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>A probe definition as stored.</summary>
public sealed record StoredProbe(string Id, string Name, string Kind, string Target, TimeSpan Interval, TimeSpan Timeout,
    string? Team, string Source, DateTimeOffset UpdatedAt);

/// <summary>A probe with its last result and its success over a window.</summary>
public sealed record ProbeSummary(StoredProbe Probe, ProbeResult? LastResult, int Runs, int Passed)
{
    /// <summary>Passed runs over all runs in the window; null when it did not run.</summary>
    public double? SuccessRatio => Runs == 0 ? null : (double)Passed / Runs;
}
