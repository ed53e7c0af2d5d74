using System.Diagnostics;

namespace Monitoring.Quality;

/// <summary>Times the consecutive phases of a scan.</summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string, TimeSpan)> _ended = [];

    public IReadOnlyList<(string Phase, TimeSpan Took)> Ended => _ended;

    /// <summary>Notes a part of the phase now running, timed by the caller (shown in brackets: it is not added to
    /// the phases' sum).</summary>
    public void Part(string part, TimeSpan took) => _ended.Add(($"({part})", took));

    /// <summary>Ends the phase running since the previous one ended (or the clock started).</summary>
    public void End(string phase)
    {
        _ended.Add((phase, _clock.Elapsed));
        _clock.Restart();
    }
}
