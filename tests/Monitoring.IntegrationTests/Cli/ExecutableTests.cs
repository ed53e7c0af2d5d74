using System.Diagnostics;

namespace Monitoring.IntegrationTests.Cli;

/// <summary>The real `monitoring` executable, run as a user or a CI pipeline runs it.</summary>
public sealed class ExecutableTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "monitoring.dll");

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryChecks()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Monitoring.sln"))) directory = directory.Parent;
        return Path.Combine(directory.FullName, "checks");
    }

    [Fact]
    public async Task Validate_exits_zero_on_the_repository_checks()
    {
        var (exit, output) = await RunAsync("validate", RepositoryChecks());

        Assert.Equal(0, exit);
        Assert.Matches(@"checks: valid \(\d+ probe\(s\), \d+ source\(s\)\)", output);
    }

    [Fact]
    public async Task Validate_prints_every_error_and_exits_non_zero()
    {
        using var folder = new TempFolder().WithProbes("""
            probes:
              - id: home
                kind: http
                url: not-a-url
                timeout: 3x
            """);

        var (exit, output) = await RunAsync("validate", folder.Checks);

        Assert.Equal(1, exit);
        Assert.Contains("checks/probes/probes.yaml:4 probes[0].url: 'not-a-url' is not an absolute http:// or https:// URL", output);
        Assert.Contains("checks/probes/probes.yaml:5 probes[0].timeout: '3x' is not a duration", output);
        Assert.Contains("2 error(s)", output);
    }

    [Theory]
    [InlineData("0", "Monitoring:Kpis:DaysPerCall must be a whole number of days, at least 1")]
    [InlineData("two", "Failed to convert configuration value 'two' at 'Monitoring:Kpis:DaysPerCall'")]
    public async Task Kpis_names_a_bad_setting_in_one_line_and_exits_two(string value, string expected)
    {
        using var folder = new TempFolder();

        var (exit, output) = await RunAsync("kpis", "--checks", RepositoryChecks(),
            $"--Monitoring:Storage:SqlitePath={Path.Combine(folder.Root, "monitoring.db")}", $"--Monitoring:Kpis:DaysPerCall={value}");

        Assert.Equal(2, exit);
        Assert.Contains($"configuration error: {expected}", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_an_invalid_folder_and_says_why()
    {
        using var folder = new TempFolder().WithProbes("probes:\n  - id: home\n    kind: carrier-pigeon\n");

        var (exit, output) = await RunAsync("serve", "--checks", folder.Checks, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exit);
        Assert.Contains("Refusing to start: the checks configuration is invalid.", output);
        Assert.Contains("probes[0].kind: 'carrier-pigeon' is not a probe kind (known kinds: http, tcp, dns, tls)", output);
    }

    [Fact]
    public async Task An_unknown_verb_is_an_error_not_a_server()
    {
        var (exit, output) = await RunAsync("servve");

        Assert.NotEqual(0, exit);
        Assert.Contains("servve", output);
    }
}
