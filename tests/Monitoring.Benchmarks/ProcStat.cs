using System.Runtime.InteropServices;

namespace Monitoring.Benchmarks;

/// <summary>CPU time and resident memory of one process, as the kernel counts them (all threads included). RSS splits
/// into anonymous memory (heaps, stacks), file-backed pages (the mapped assemblies, a database file) and shared memory
/// (.NET keeps its JIT-compiled code there, mapped twice to be writable and executable).</summary>
public readonly record struct ProcSample(double CpuSeconds, long RssBytes, long PeakRssBytes,
    long AnonBytes = 0, long FileBytes = 0, long ShmemBytes = 0, int Threads = 0);

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
        long rss = 0, peak = 0, anon = 0, file = 0, shmem = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kilobytes(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kilobytes(line);
            else if (line.StartsWith("RssShmem:", StringComparison.Ordinal)) shmem = Kilobytes(line);
            else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line.Split('\t', ' ').Last(t => t.Length > 0));
        }
        return new ProcSample((double)ticks / ClockTicks, rss, peak, anon, file, shmem, threads);
    }

    /// <summary>
    /// CPU seconds of this process's threads so far, added per thread name (".NET TP Worker", ".NET Sockets", ".NET
    /// Tiered Com" …): which kind of thread took the time. A thread that ended is missing from the next reading.
    /// </summary>
    public static Dictionary<(int Thread, string Name), double> ThreadSeconds()
    {
        var seconds = new Dictionary<(int, string), double>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                seconds[(int.Parse(Path.GetFileName(task)), name)] = (double)(long.Parse(fields[11]) + long.Parse(fields[12])) / ClockTicks;
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }
        return seconds;
    }

    /// <summary>Per thread name, the CPU seconds taken between two <see cref="ThreadSeconds"/> readings.</summary>
    public static IEnumerable<(string Name, double Seconds)> ThreadSecondsBetween(Dictionary<(int Thread, string Name), double> before,
        Dictionary<(int Thread, string Name), double> after) =>
        after.GroupBy(t => t.Key.Name)
            .Select(g => (g.Key, g.Sum(t => t.Value - before.GetValueOrDefault(t.Key))))
            .Where(t => t.Item2 >= 0.05)
            .OrderByDescending(t => t.Item2);

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
