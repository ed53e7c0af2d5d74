using System.Runtime.InteropServices;

namespace Monitoring.Benchmarks;

/// <summary>CPU time and resident memory of one process, as the kernel counts them (all threads included).</summary>
public readonly record struct ProcSample(double CpuSeconds, long RssBytes, long PeakRssBytes);

public static class ProcStat
{
    private const int ScClockTicks = 2; // _SC_CLK_TCK on Linux

    /// <summary>Clock ticks per second, the unit of utime and stime (100 on every usual kernel).</summary>
    public static long ClockTicks { get; } = OperatingSystem.IsLinux() ? Math.Max(1, SysConf(ScClockTicks)) : 100;

    /// <summary>utime + stime from /proc/PID/stat, VmRSS and VmHWM (the peak) from /proc/PID/status.</summary>
    public static ProcSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may contain spaces: count the fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // fields 14 and 15 of proc(5)
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
        }
        return new ProcSample((double)ticks / ClockTicks, rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
