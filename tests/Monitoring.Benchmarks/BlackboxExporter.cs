using System.Diagnostics;

namespace Monitoring.Benchmarks;

/// <summary>
/// The baseline: Debian's prometheus-blackbox-exporter with an <c>http_2xx</c> module, driven as Prometheus drives it
/// (one <c>/probe</c> request per probe run) at the same rate and against the same URLs as shopmon's checks.
/// </summary>
public sealed class BlackboxExporter(Child process, string baseUrl)
{
    private const string Package = "prometheus-blackbox-exporter";
    private const int MaxConcurrentProbes = 64;
    private readonly List<(long Completed, bool Success)> _probes = [];
    private long _latestDispatchLagTicks;

    public Child Process { get; } = process;

    /// <summary>Starts the exporter, installing Debian's package first when it is missing and we are root; null when neither works.</summary>
    public static async Task<BlackboxExporter?> StartAsync(Children children, string folder, CancellationToken cancellationToken)
    {
        var binary = "/usr/bin/" + Package;
        if (!File.Exists(binary) && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            Console.WriteLine($"  installing {Package}: apt-get install -y --no-install-recommends {Package}");
            if (!await AptInstallAsync(cancellationToken)) await RunAsync("apt-get", ["update", "-qq"], cancellationToken);
            await AptInstallAsync(cancellationToken);
        }
        if (!File.Exists(binary))
        {
            Console.WriteLine($"  {Package} is not installed (apt-get install -y --no-install-recommends {Package}): no baseline");
            return null;
        }
        var config = Path.Combine(folder, "blackbox.yml");
        await File.WriteAllTextAsync(config, """
            modules:
              http_2xx:
                prober: http
                timeout: 5s
                http:
                  valid_status_codes: []   # any 2xx, as shopmon's default
                  preferred_ip_protocol: ip4
                  ip_protocol_fallback: false
            """, cancellationToken);
        var port = TargetServer.FreePort();
        var process = children.Start("blackbox", binary,
            [$"--config.file={config}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"], folder);
        var baseUrl = $"http://127.0.0.1:{port}";
        if (!await TargetServer.WaitForAsync(baseUrl + "/-/healthy", process, 30, cancellationToken))
            throw new InvalidOperationException($"{Package} did not become ready:{Environment.NewLine}{process.Tail()}");
        return new BlackboxExporter(process, baseUrl);
    }

    /// <summary>
    /// Asks for <paramref name="perMinute"/> probes a minute, evenly spread, cycling through <paramref name="targets"/>,
    /// from now until <paramref name="until"/> (a <see cref="Stopwatch"/> timestamp); at most 64 at once.
    /// </summary>
    public async Task DriveAsync(IReadOnlyList<string> targets, int perMinute, long until, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxConcurrentProbes })
            { Timeout = TimeSpan.FromSeconds(10) };
        using var slots = new SemaphoreSlim(MaxConcurrentProbes);
        var spacing = Stopwatch.Frequency * 60.0 / perMinute;
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>();
        for (long i = 0; ; i++)
        {
            var due = start + (long)(i * spacing);
            if (due >= until) break;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            await slots.WaitAsync(cancellationToken);
            Interlocked.Exchange(ref _latestDispatchLagTicks, Math.Max(0, Stopwatch.GetTimestamp() - due));
            var url = $"{baseUrl}/probe?module=http_2xx&target={Uri.EscapeDataString(targets[(int)(i % targets.Count)])}";
            running.Add(ProbeAsync(client, url, slots, cancellationToken));
            running.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
    }

    /// <summary>How far behind its schedule the driver was at its latest dispatch (0 unless 64 probes were in flight).</summary>
    public TimeSpan DispatchLag => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _latestDispatchLagTicks));

    /// <summary>Probes that completed between two <see cref="Stopwatch"/> timestamps, and how many of them failed.</summary>
    public (int Done, int Failed) Completed(long from, long to)
    {
        lock (_probes)
        {
            var inWindow = _probes.Where(p => p.Completed >= from && p.Completed < to).ToList();
            return (inWindow.Count, inWindow.Count(p => !p.Success));
        }
    }

    private async Task ProbeAsync(HttpClient client, string url, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var success = false;
        try
        {
            var body = await client.GetStringAsync(url, cancellationToken);
            success = body.Contains("\nprobe_success 1", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Counted as a failed probe.
        }
        finally
        {
            slots.Release();
        }
        lock (_probes) _probes.Add((Stopwatch.GetTimestamp(), success));
    }

    private static Task<bool> AptInstallAsync(CancellationToken cancellationToken) =>
        RunAsync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", Package], cancellationToken);

    private static async Task<bool> RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, errors);
        return process.ExitCode == 0;
    }
}
