namespace Monitoring.Checks;

/// <summary>The configuration in force. Jobs read it at each run, so a reload takes effect at the next run.</summary>
public sealed class ActiveChecks(CheckSet initial)
{
    private CheckSet _current = initial;

    public CheckSet Current => Volatile.Read(ref _current);

    /// <summary>Replaces the configuration in force with a new, already validated one.</summary>
    public void Replace(CheckSet checks) => Volatile.Write(ref _current, checks);
}
