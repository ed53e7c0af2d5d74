using System.Collections.Concurrent;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Scheduling;

/// <summary>
/// Probe results the database could not take, kept in memory and written as soon as it answers again, oldest first:
/// a database outage loses no run that was made. The buffer is bounded (<see cref="Capacity"/>); past it a result is
/// dropped and counted, never the process's memory. Written results are stored for the history only, not replayed
/// through the checks' state machine: minutes-old results would open or close incidents after the fact.
/// </summary>
public sealed class HeldProbeResults(IProbeStore store, MonitoringMetrics metrics, ILogger<HeldProbeResults> logger)
{
    /// <summary>About ten minutes of 1,000 checks a minute, a few megabytes.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<ProbeResult> _queue = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private int _pending;
    private long _held, _written, _dropped;

    /// <summary>Results held and not yet written.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Results held since the process started.</summary>
    public long Held => Interlocked.Read(ref _held);

    /// <summary>Held results written to the database since the process started.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Results lost since the process started: the buffer was full, or the database refused the row itself.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Keeps a result the database could not take (<paramref name="reason"/>) until <see cref="WriteHeldAsync"/>.</summary>
    public void Hold(ProbeResult result, Exception reason)
    {
        if (Interlocked.Increment(ref _pending) > Capacity)
        {
            Interlocked.Decrement(ref _pending);
            Drop(result, $"the buffer of {Capacity} held results is full");
            return;
        }
        _queue.Enqueue(result);
        Interlocked.Increment(ref _held);
        metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultHeld).Inc();
        logger.LogWarning("Probe {Probe} run {RunId} ({Outcome}) could not be stored, the database is unavailable ({Reason}): " +
                          "held in memory until it answers ({Pending} held); a monitoring error, not the shop's",
            result.ProbeId, result.RunId, ProbeNames.Of(result.Outcome), Describe(reason), Pending);
    }

    /// <summary>
    /// Writes the held results, oldest first, and returns how many. Stops at the first sign that the database is still
    /// away, keeping the rest; one run writes at a time. Storing is idempotent by run id, so a result is stored once.
    /// </summary>
    public async Task<int> WriteHeldAsync(CancellationToken cancellationToken)
    {
        if (_queue.IsEmpty || !await _writing.WaitAsync(0, cancellationToken)) return 0;
        var written = 0;
        try
        {
            while (_queue.TryPeek(out var result))
            {
                try
                {
                    await store.RecordAsync(result, cancellationToken);
                    Interlocked.Increment(ref _written);
                    written++;
                }
                catch (Exception e) when (!StorageFailure.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
                {
                    // A row the database refuses for itself would block every result behind it.
                    Drop(result, $"the database refused it: {Describe(e)}");
                }
                _queue.TryDequeue(out _);
                Interlocked.Decrement(ref _pending);
            }
        }
        finally
        {
            _writing.Release();
            if (written > 0)
                logger.LogWarning("Stored {Written} probe result(s) held while the database was unavailable; {Pending} still held", written, Pending);
        }
        return written;
    }

    private void Drop(ProbeResult result, string why)
    {
        Interlocked.Increment(ref _dropped);
        metrics.MonitoringErrors.WithLabels(MonitoringMetrics.ErrorProbeResultDropped).Inc();
        logger.LogError("Probe {Probe} run {RunId} at {StartedAt:u} is lost: {Why}", result.ProbeId, result.RunId, result.StartedAt, why);
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
