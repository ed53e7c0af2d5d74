using System.Diagnostics;
using System.Text;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Reliability;

/// <summary>
/// The service as its own process (<c>dotnet monitoring.dll serve</c>), configured through the environment as a
/// deployment configures it, with its output kept for the failure message. <see cref="Kill"/> is SIGKILL: no shutdown
/// hook, no finally block, no graceful stop of the running job runs.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; }

    public int Id => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts <c>serve</c> on a free loopback port and waits until it answers /healthz.</summary>
    public static async Task<ServiceProcess> StartAsync(string checksFolder, IReadOnlyDictionary<string, string> environment)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "monitoring.dll"), "serve", "--checks", checksFolder, "--urls", url })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var service = new ServiceProcess(Process.Start(start)!, url);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (service._process.HasExited) throw new InvalidOperationException($"the service exited with {service._process.ExitCode}");
                try { return (await client.GetAsync(url + "/healthz")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
                catch (TaskCanceledException) { return false; }
            }, TimeSpan.FromSeconds(120), "the service to answer /healthz");
        }
        catch (Exception e)
        {
            await service.DisposeAsync();
            throw new InvalidOperationException($"{e.Message}\n--- service ---\n{service.Output}", e);
        }
        return service;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
