using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monitoring.Quality;

/// <summary>
/// CPU-bound time spent per rule kind in a scan's evaluation (the rules' own work, their <c>when:</c> filter
/// included), summed over the rules of the kind and the batches: what the benchmark prints to show where the
/// evaluation spends its time. Off unless a scanner is given one.
/// </summary>
public sealed class RuleTimes
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public void Add(string kind, long startedTimestamp) =>
        _ticks.AddOrUpdate(kind, Stopwatch.GetTimestamp() - startedTimestamp, (_, t) => t + Stopwatch.GetTimestamp() - startedTimestamp);

    /// <summary>Adds <paramref name="ticks"/> (of <see cref="Stopwatch.GetTimestamp"/>) measured elsewhere to the kind.</summary>
    public void AddTicks(string kind, long ticks) => _ticks.AddOrUpdate(kind, ticks, (_, t) => t + ticks);

    /// <summary>The kinds by time spent, longest first.</summary>
    public IReadOnlyList<(string Kind, TimeSpan Took)> ByKind() =>
        _ticks.Select(t => (t.Key, Stopwatch.GetElapsedTime(0, t.Value))).OrderByDescending(t => t.Item2).ToList();
}
