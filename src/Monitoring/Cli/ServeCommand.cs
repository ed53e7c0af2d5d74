using System.CommandLine;

namespace Monitoring.Cli;

/// <summary><c>monitoring serve</c>: runs the service. Any other argument goes to the host (<c>--urls</c>, settings).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var checks = new Option<string?>("--checks") { Description = "The checks folder (default: Monitoring:ChecksPath, else ./checks)" };
        var command = new Command("serve", "Run the monitoring service.") { checks };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) => RunAsync(HostArguments(result.UnmatchedTokens, result.GetValue(checks)), null));
        return command;
    }

    /// <summary>Builds and runs the service until shutdown; prints why and returns 2 when checks/ is invalid.</summary>
    public static async Task<int> RunAsync(string[] hostArgs, IReadOnlyDictionary<string, string>? variables,
        Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? started = null)
    {
        var app = MonitoringApp.TryBuild(hostArgs, configure, variables, out var errors);
        if (app is null)
        {
            Console.Error.WriteLine("Refusing to start: the checks configuration is invalid.");
            CommandLine.PrintErrors(Console.Error, "checks", errors);
            return 2;
        }
        await app.StartAsync();
        started?.Invoke(app);
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    public static string[] HostArguments(IReadOnlyList<string> unmatched, string? checksFolder) =>
        checksFolder is null ? [.. unmatched] : [.. unmatched, $"--{MonitoringApp.ChecksPathKey}={checksFolder}"];
}
