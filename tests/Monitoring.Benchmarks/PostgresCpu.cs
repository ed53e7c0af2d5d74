namespace Monitoring.Benchmarks;

/// <summary>
/// The CPU time (user + system) of a PostgreSQL server started by the benchmark: its postmaster's, the exited
/// backends' (counted into the postmaster's children time) and the running backends' (the postmaster's children),
/// read from <c>/proc</c>. A scan's cost is this process's CPU and the database's together, on the same cores.
/// </summary>
public static class PostgresCpu
{
    /// <summary>Clock ticks per second of <c>/proc/*/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The server's CPU seconds so far, or null when they cannot be read (no postmaster, no /proc).</summary>
    public static double? Seconds(int? postmaster)
    {
        if (postmaster is not { } pid || Stat(pid) is not { } main) return null;
        var ticks = main.Utime + main.Stime + main.ChildUtime + main.ChildStime;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(folder), out var child) && Stat(child) is { } stat && stat.Parent == pid)
                ticks += stat.Utime + stat.Stime;
        return ticks / TicksPerSecond;
    }

    private sealed record ProcStat(int Parent, long Utime, long Stime, long ChildUtime, long ChildStime);

    private static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // After the command name in parentheses: state, ppid, …, utime (14th field), stime, cutime, cstime.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcStat(int.Parse(fields[1]), long.Parse(fields[11]), long.Parse(fields[12]), long.Parse(fields[13]), long.Parse(fields[14]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
