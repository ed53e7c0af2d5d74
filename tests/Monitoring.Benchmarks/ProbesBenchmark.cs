using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Monitoring.Benchmarks;

/// <summary>
/// The <c>probes</c> verb: N http checks a minute against a local server, run by shopmon (as its own process) and by
/// prometheus-blackbox-exporter side by side over the same window; CPU and memory of each process from /proc.
/// </summary>
public static class ProbesBenchmark
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var folder = Directory.CreateTempSubdirectory("shopmon-bench-").FullName;
        using var children = new Children();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => children.Dispose();
        try
        {
            return await MeasureAsync(options, children, folder, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("interrupted: every child process is being stopped");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"benchmark failed: {e.Message}");
            return 3;
        }
        finally
        {
            children.Dispose();
            if (options.Keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(BenchmarkOptions options, Children children, string folder, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = Machine();
        Console.WriteLine("machine: " + string.Join(", ", machine.Select(m => $"{m.Key} {m.Value}")));
#if DEBUG
        Console.WriteLine("WARNING: Debug build: the service runs unoptimised; use -c Release for figures");
#endif
        // The programs run from a copy: a build of the solution during the run must not overwrite the files they map.
        var binaries = CopyOf(AppContext.BaseDirectory, Path.Combine(folder, "bin"));
        var target = await TargetServer.StartAsync(options.Target, children, folder, binaries, cancellationToken);
        Console.WriteLine($"target: {target.Name} at {target.BaseUrl} (pid {target.Process.Pid})");
        var probes = ShopmonService.Probes(options.Checks, target.BaseUrl);
        var shopmon = await ShopmonService.StartAsync(probes, children, folder, binaries, options.ServiceEnvironment, cancellationToken);
        Console.WriteLine($"shopmon: {options.Checks} checks, pid {shopmon.Process.Pid}, SQLite in {folder}/data" +
                          string.Concat(options.ServiceEnvironment.Select(e => $", {e.Key}={e.Value}")));
        var blackbox = options.Baseline ? await BlackboxExporter.StartAsync(children, folder, cancellationToken) : null;
        if (blackbox is not null) Console.WriteLine($"blackbox_exporter: pid {blackbox.Process.Pid}, driven at {options.Checks} probes a minute");

        var began = Stopwatch.GetTimestamp();
        var windowStart = began + Ticks(options.WarmupMinutes);
        var windowEnd = windowStart + Ticks(options.Minutes);
        var driving = blackbox?.DriveAsync(probes.Select(p => p.Url).ToList(), options.Checks, windowEnd, cancellationToken) ?? Task.CompletedTask;
        var watched = new[] { target.Process, shopmon.Process, blackbox?.Process }.OfType<Child>().ToList();

        Console.WriteLine($"warming up for {options.WarmupMinutes:0.#} min, then measuring for {options.Minutes:0.#} min");
        await WaitAsync(windowStart, began, "warm-up", watched, shopmon, blackbox, null, cancellationToken);
        var first = await shopmon.ScrapeAsync(cancellationToken);
        Console.WriteLine($"[{Stopwatch.GetElapsedTime(began):mm\\:ss}] window opens  shopmon has run {first.Runs} probes so far");
        var shopmonStart = ProcStat.Read(shopmon.Process.Pid);
        var blackboxStart = blackbox is null ? default : ProcStat.Read(blackbox.Process.Pid);
        await WaitAsync(windowEnd, began, "measuring", watched, shopmon, blackbox, (shopmonStart, blackboxStart, windowStart), cancellationToken);
        // CPU is read before the closing scrape and after the opening one: the scrapes themselves are not counted.
        var shopmonEnd = ProcStat.Read(shopmon.Process.Pid);
        var blackboxEnd = blackbox is null ? default : ProcStat.Read(blackbox.Process.Pid);
        var last = await shopmon.ScrapeAsync(cancellationToken);
        await Task.WhenAny(driving, Task.Delay(TimeSpan.FromSeconds(15), cancellationToken));

        machine["loadavg at end"] = Machine()["loadavg"];
        var (lags, missed) = shopmon.Lags(last);
        var report = new BenchmarkReport(startedAt, "probes " + options.Arguments, machine, target.Name, options.ServiceEnvironment, options.Checks,
            options.WarmupMinutes, options.Minutes, (int)Math.Round(options.Checks * options.Minutes),
            Figures("shopmon", (int)(last.Runs - first.Runs), (int)(last.Failed - first.Failed), shopmonStart, shopmonEnd),
            lags.Count == 0 ? null : new LagFigures(Percentile(lags, 0.5), Percentile(lags, 0.95), lags.Max(), missed),
            blackbox is null ? null : Figures("blackbox_exporter", blackbox.Completed(windowStart, windowEnd), blackboxStart, blackboxEnd),
            blackbox?.DispatchLag.TotalSeconds);
        report.Print(Console.Out);
        var json = options.JsonPath ?? Path.Combine(Path.GetTempPath(), $"shopmon-probes-benchmark-{startedAt:yyyyMMdd-HHmmss}.json");
        report.WriteJson(json);
        Console.WriteLine($"figures written to {json}");
        return report.MemoryGoalMet && report.CpuGoalMet != false ? 0 : 1;
    }

    /// <summary>Waits until <paramref name="until"/>, checking every few seconds that no server died and printing progress.</summary>
    private static async Task WaitAsync(long until, long began, string phase, IReadOnlyList<Child> watched, ShopmonService shopmon,
        BlackboxExporter? blackbox, (ProcSample Shopmon, ProcSample Blackbox, long At)? window, CancellationToken cancellationToken)
    {
        var nextProgress = Stopwatch.GetTimestamp() + (long)(ProgressEvery.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            await Task.Delay(left < TimeSpan.FromSeconds(5) ? left : TimeSpan.FromSeconds(5), cancellationToken);
            if (watched.FirstOrDefault(c => c.HasExited) is { } dead)
                throw new InvalidOperationException($"{dead.Name} exited during the {phase}:{Environment.NewLine}{dead.Tail(30)}");
            if (Stopwatch.GetTimestamp() < nextProgress || Stopwatch.GetTimestamp() >= until) continue;
            nextProgress += (long)(ProgressEvery.TotalSeconds * Stopwatch.Frequency);
            var s = ProcStat.Read(shopmon.Process.Pid);
            var line = $"[{Stopwatch.GetElapsedTime(began):mm\\:ss}] {phase,-9}  shopmon cpu {s.CpuSeconds - (window?.Shopmon.CpuSeconds ?? 0),6:F1} s  rss {MiB(s.RssBytes),6:F1} MiB";
            if (blackbox is not null)
            {
                var b = ProcStat.Read(blackbox.Process.Pid);
                var done = window is { } w ? $"{blackbox.Completed(w.At, long.MaxValue).Done} probes " : "";
                line += $"   blackbox {done}cpu {b.CpuSeconds - (window?.Blackbox.CpuSeconds ?? 0),6:F1} s  rss {MiB(b.RssBytes),5:F1} MiB";
            }
            Console.WriteLine(line + (window is null ? "  (since start)" : "  (since window start)"));
        }
    }

    private static ProberFigures Figures(string name, (int Done, int Failed) probes, ProcSample start, ProcSample end) =>
        Figures(name, probes.Done, probes.Failed, start, end);

    private static ProberFigures Figures(string name, int done, int failed, ProcSample start, ProcSample end) =>
        new(name, done, failed, Math.Round(end.CpuSeconds - start.CpuSeconds, 2), MiB(start.RssBytes), MiB(end.RssBytes), MiB(end.PeakRssBytes));

    internal static string CopyOf(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return to;
    }

    private static long Ticks(double minutes) => (long)(minutes * 60 * Stopwatch.Frequency);

    private static double MiB(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    internal static Dictionary<string, string> Machine()
    {
        static string Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "?";
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        return new Dictionary<string, string>
        {
            ["nproc"] = Environment.ProcessorCount.ToString(),
            ["cpu"] = cpu,
            ["debian"] = Read("/etc/debian_version"),
            ["kernel"] = Read("/proc/sys/kernel/osrelease"),
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["loadavg"] = string.Join(' ', Read("/proc/loadavg").Split(' ').Take(3)),
        };
    }
}
