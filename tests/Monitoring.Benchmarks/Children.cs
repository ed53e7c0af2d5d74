using System.Diagnostics;

namespace Monitoring.Benchmarks;

/// <summary>
/// Every process the benchmark starts. Disposing kills them all (with their own children), which the benchmark does
/// at the end, on Ctrl+C or SIGTERM, and on a crash: no server outlives the run.
/// </summary>
public sealed class Children : IDisposable
{
    private readonly List<Child> _started = [];

    public Child Start(string name, string file, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var child = new Child(name, Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}"),
            Path.Combine(workingDirectory, $"{name}.log"));
        lock (_started) _started.Add(child);
        return child;
    }

    public void Dispose()
    {
        lock (_started)
        {
            foreach (var child in _started) child.Kill();
            _started.Clear();
        }
    }
}

/// <summary>A started process; its output goes to a log file (read by <see cref="Tail"/> when it fails).</summary>
public sealed class Child
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    public Child(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        LogPath = logPath;
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process printed.</summary>
    public string Tail(int lines = 15)
    {
        lock (_log)
        {
            using var reader = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(reader).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(Environment.NewLine, all.TakeLast(lines).Select(l => "    | " + l));
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // Output may still arrive while the process is being killed.
            if (!_closed) _log.WriteLine(line);
        }
    }
}
