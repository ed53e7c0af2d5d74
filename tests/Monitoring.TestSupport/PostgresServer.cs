using System.Diagnostics;
using Npgsql;

namespace Monitoring.TestSupport;

/// <summary>
/// A PostgreSQL server for tests. With <c>MONITORING_TEST_POSTGRES</c> set (a connection string to a server where the
/// user may create databases), that server is used. Otherwise a throwaway server is made from the local binaries
/// (initdb in a temporary folder, run as the <c>postgres</c> user since PostgreSQL refuses root) and removed on dispose.
/// Each test gets a fresh database from <see cref="CreateDatabaseAsync"/>, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "MONITORING_TEST_POSTGRES";

    private readonly string? _dataRoot;
    private readonly string _binDirectory;
    private readonly List<string> _databases = [];
    private readonly int _port;

    private PostgresServer(string adminConnectionString, string? dataRoot, string binDirectory, int port = 0)
    {
        AdminConnectionString = adminConnectionString;
        _dataRoot = dataRoot;
        _binDirectory = binDirectory;
        _port = port;
    }

    /// <summary>Connection string to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when this object started the server and so owns (and stops) it.</summary>
    public bool IsThrowaway => _dataRoot is not null;

    /// <summary>The process id of the throwaway server's postmaster (its backends are its children), while it runs;
    /// null for an external server. The benchmarks measure the database's own CPU time through it.</summary>
    public int? PostmasterPid =>
        _dataRoot is not null && File.Exists(Path.Combine(_dataRoot, "data", "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(_dataRoot, "data", "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;

    public static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
            return new PostgresServer(external, null, "");

        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "shopmon-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:postgres", root]);

        var port = FreePort.Next();
        await RunPostgresToolAsync(asRoot, Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", root, bin, port);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>
    /// Stops the throwaway server as an administrator would (<c>pg_ctl stop -m fast</c>: open connections are cut, the
    /// data is kept), for outage tests. Start it again with <see cref="StartAgainAsync"/>: same data folder, same port.
    /// </summary>
    public async Task StopAsync()
    {
        if (_dataRoot is null) throw new InvalidOperationException("An external server (MONITORING_TEST_POSTGRES) is not stopped by tests");
        await RunPostgresToolAsync(Environment.UserName == "root", Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", Path.Combine(_dataRoot, "data"), "-m", "fast", "-w", "-t", "60", "stop"]);
    }

    /// <summary>Starts the throwaway server on its data folder and port (at creation, and after <see cref="StopAsync"/>).</summary>
    public async Task StartAgainAsync()
    {
        if (_dataRoot is null) throw new InvalidOperationException("An external server (MONITORING_TEST_POSTGRES) is not started by tests");
        await RunPostgresToolAsync(Environment.UserName == "root", Path.Combine(_binDirectory, "pg_ctl"),
        [
            "-D", Path.Combine(_dataRoot, "data"), "-l", Path.Combine(_dataRoot, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {_port} -k {_dataRoot} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ]);
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "shopmon_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (_databases) _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataRoot is null)
        {
            // An external server stays; only the databases made here are dropped.
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            return;
        }
        var asRoot = Environment.UserName == "root";
        try
        {
            // A test that stopped the server (StopAsync) and failed before starting it again leaves nothing to stop.
            if (File.Exists(Path.Combine(_dataRoot, "data", "postmaster.pid")))
                await RunPostgresToolAsync(asRoot, Path.Combine(_binDirectory, "pg_ctl"),
                    ["-D", Path.Combine(_dataRoot, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var fromPath = Environment.GetEnvironmentVariable("PATH")?.Split(':')
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (fromPath is not null) return fromPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        return installed ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries found (looked on PATH and in /usr/lib/postgresql/*/bin). Install postgresql " +
            $"(Debian: apt-get install postgresql-15) or set {EnvironmentVariable} to a server's connection string.");
    }

    private static Task RunPostgresToolAsync(bool asRoot, string tool, IReadOnlyList<string> arguments) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. arguments]) : RunAsync(tool, arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
