namespace Monitoring.Probes;

/// <summary>
/// The clock, deadline and phases of one run of a probe, and the results it ends with. Every kind needs the same start
/// (a deadline at the probe's timeout, the run's start instant) and the same result fields, so they are written once.
/// </summary>
public sealed class ProbeRun : IDisposable
{
    private readonly ProbeDefinition _probe;
    private readonly TimeProvider _time;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _deadline;
    private readonly DateTimeOffset _startedAt;
    private readonly long _started;
    private readonly Dictionary<string, TimeSpan> _phases = [];
    private long _lastMark;

    private ProbeRun(ProbeDefinition probe, TimeProvider time, CancellationToken cancellationToken)
    {
        _probe = probe;
        _time = time;
        _caller = cancellationToken;
        // The timeout runs on the injected clock, so that a test clock decides when a run times out.
        _timeout = new CancellationTokenSource(probe.Timeout, time);
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
        _startedAt = time.GetUtcNow();
        _started = _lastMark = time.GetTimestamp();
    }

    /// <summary>Starts the run now; its deadline ends at <see cref="ProbeDefinition.Timeout"/> or when the caller cancels.</summary>
    public static ProbeRun Start(ProbeDefinition probe, TimeProvider time, CancellationToken cancellationToken) =>
        new(probe, time, cancellationToken);

    /// <summary>Cancelled at the probe's timeout or by the caller: what every awaited step of the run is given.</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>The timeout ended the run and the caller did not cancel: a failed result is due, not an exception.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>The phases marked so far, as the results carry them.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases => _phases;

    /// <summary>Ends <paramref name="phase"/> now: it lasted from the previous mark (or the start) until now.</summary>
    public TimeSpan Mark(string phase)
    {
        var now = _time.GetTimestamp();
        _phases[phase] = _time.GetElapsedTime(_lastMark, now);
        _lastMark = now;
        return _phases[phase];
    }

    /// <summary>The result of the run as it stands now: a new run id, the time taken so far and the phases marked.</summary>
    public ProbeResult Result(ProbeOutcome outcome, string message, FailureClass failure = FailureClass.None,
        int? statusCode = null, DateTimeOffset? certificateExpiresAt = null) =>
        new(Guid.NewGuid(), _probe.Id, _startedAt, Elapsed, outcome, statusCode, message)
        {
            Failure = failure,
            Phases = _phases,
            CertificateExpiresAt = certificateExpiresAt,
        };

    /// <summary>A failed result of class <paramref name="failure"/>.</summary>
    public ProbeResult Fail(FailureClass failure, string message) => Result(ProbeOutcome.Fail, message, failure);

    public void Dispose()
    {
        _deadline.Dispose();
        _timeout.Dispose();
    }
}
