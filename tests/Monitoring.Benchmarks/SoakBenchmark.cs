using System.Diagnostics;
using System.Runtime.InteropServices;
using Monitoring.Checks;
using Monitoring.TestSupport;

namespace Monitoring.Benchmarks;

/// <summary>
/// The <c>soak</c> verb: the service as its own process with N http checks against a loopback target and a steady
/// stream of JSON ingest requests, for many minutes; its memory, queues and scheduler lag sampled throughout. It
/// shows whether the service can run for a long time: memory that levels off, queues that do not grow, runs on time.
/// </summary>
public static class SoakBenchmark
{
    public static async Task<int> RunAsync(SoakOptions options)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var folder = Directory.CreateTempSubdirectory("shopmon-soak-").FullName;
        using var children = new Children();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => children.Dispose();
        PostgresServer? postgres = null;
        try
        {
            var environment = new Dictionary<string, string>();
            if (options.Postgres)
            {
                postgres = await PostgresServer.StartAsync();
                environment["Monitoring__Storage__Provider"] = "Postgres";
                environment["Monitoring__Storage__ConnectionString"] = await postgres.CreateDatabaseAsync();
            }
            return await SoakAsync(options, children, folder, environment, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("interrupted: every child process is being stopped");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"soak failed: {e.Message}");
            return 3;
        }
        finally
        {
            children.Dispose();
            if (postgres is not null) await postgres.DisposeAsync();
            if (options.Keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> SoakAsync(SoakOptions options, Children children, string folder,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = ProbesBenchmark.Machine();
        Console.WriteLine("machine: " + string.Join(", ", machine.Select(m => $"{m.Key} {m.Value}")));
#if DEBUG
        Console.WriteLine("WARNING: Debug build: the service runs unoptimised; use -c Release for figures");
#endif
        var binaries = ProbesBenchmark.CopyOf(AppContext.BaseDirectory, Path.Combine(folder, "bin"));
        var target = await TargetServer.StartAsync(options.Target, children, folder, binaries, cancellationToken);
        Console.WriteLine($"target: {target.Name} at {target.BaseUrl} (pid {target.Process.Pid})");
        var probes = ShopmonService.Probes(options.Checks, target.BaseUrl);
        var shopmon = await ShopmonService.StartAsync(probes, children, folder, binaries, environment, cancellationToken, options.Interval);
        var storage = options.Postgres ? "PostgreSQL (throwaway server, fsync off)" : $"SQLite in {folder}/data";
        Console.WriteLine($"shopmon: {options.Checks} http checks every {Durations.Format(options.Interval)}, pid {shopmon.Process.Pid}, {storage}");
        var apiKey = await CreateApiKeyAsync(binaries, folder, environment, cancellationToken);
        var ingest = new IngestDriver(shopmon.BaseUrl, apiKey, options.IngestPerSecond, options.Batch);
        Console.WriteLine($"ingest: {options.IngestPerSecond:0.##} request(s) a second of {options.Batch} records, orders and sessions in turn, with an ingest API key");

        using var stopIngest = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var driving = ingest.RunAsync(stopIngest.Token);
        var watched = new[] { target.Process, shopmon.Process };
        var began = Stopwatch.GetTimestamp();
        var samples = new List<SoakSample>();
        var endOfRunLags = new List<double>();
        var count = (int)Math.Floor(options.Minutes * 60 / options.SampleEvery.TotalSeconds);
        Console.WriteLine($"soaking for {options.Minutes:0.#} min, a sample every {Durations.Format(options.SampleEvery)}; " +
                          $"lag, runs and queues are judged after {options.WarmupMinutes:0.#} min of warm-up");
        for (var k = 0; k <= count; k++)
        {
            await WaitUntilAsync(began + (long)(k * options.SampleEvery.TotalSeconds * Stopwatch.Frequency), watched, cancellationToken);
            var process = ProcStat.Read(shopmon.Process.Pid);
            var text = await shopmon.ScrapeTextAsync(cancellationToken);
            var at = DateTimeOffset.UtcNow;
            var sample = SoakSample.Take(Stopwatch.GetElapsedTime(began).TotalMinutes, process, new MetricsText(text), ingest.Current);
            if (sample.Minutes >= options.WarmupMinutes) endOfRunLags.AddRange(shopmon.Lags(ShopmonService.Parse(text, at)).Lags);
            Console.WriteLine(SoakReport.ProgressLine(sample, samples.LastOrDefault()));
            samples.Add(sample);
        }
        await stopIngest.CancelAsync();
        await driving;

        machine["loadavg at end"] = ProbesBenchmark.Machine()["loadavg"];
        var report = new SoakReport(startedAt, "soak " + options.Arguments, options, machine, target.Name, storage, samples,
            endOfRunLags, ingest.Current, ingest.Latencies, ingest.FirstError);
        report.Print(Console.Out);
        var chart = options.ChartPath ?? Path.Combine(AppContext.BaseDirectory, "soak", $"soak-{startedAt:yyyyMMdd-HHmmss}.png");
        SoakChart.WritePng(chart, report);
        Console.WriteLine($"memory chart written to {chart}");
        var json = options.JsonPath ?? Path.ChangeExtension(chart, ".json");
        report.WriteJson(json);
        Console.WriteLine($"samples and figures written to {json}");
        return report.Passed ? 0 : 1;
    }

    /// <summary>Waits until <paramref name="until"/> (a Stopwatch timestamp), checking every few seconds that no server died.</summary>
    private static async Task WaitUntilAsync(long until, IReadOnlyList<Child> watched, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < until)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            await Task.Delay(left < TimeSpan.FromSeconds(5) ? left : TimeSpan.FromSeconds(5), cancellationToken);
            if (watched.FirstOrDefault(c => c.HasExited) is { } dead)
                throw new InvalidOperationException($"{dead.Name} exited during the soak:{Environment.NewLine}{dead.Tail(30)}");
        }
    }

    /// <summary>An ingest key made as an operator makes one, <c>monitoring api-key create NAME --scope ingest</c>, on the
    /// service's own store (after the service migrated it).</summary>
    private static async Task<string> CreateApiKeyAsync(string binaries, string folder, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(binaries, "monitoring.dll"), "api-key", "create", "soak-ingest", "--scope", "ingest" })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in ShopmonService.ServiceEnvironment(folder, environment)) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start monitoring api-key create");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var key = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(key))
            throw new InvalidOperationException($"monitoring api-key create failed ({process.ExitCode}): {await errors}");
        return key;
    }
}
