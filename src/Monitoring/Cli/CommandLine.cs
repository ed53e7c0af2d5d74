using System.CommandLine;

namespace Monitoring.Cli;

/// <summary>The verbs of the <c>monitoring</c> executable.</summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args) =>
        // The host handles Ctrl+C and SIGTERM itself and shuts down gracefully; the parser must not race it.
        CreateRoot().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

    /// <summary>Every verb with its options (the README's table of verbs is checked against it).</summary>
    public static RootCommand CreateRoot() =>
        new("shopmon: uptime, checkout, KPI and data-quality monitoring for a B2B shop.")
        {
            ServeCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            DemoCommand.Create(),
            HashPasswordCommand.Create(),
            ApiKeyCommand.Create(),
            ImportCommand.Create(),
            QuarantineCommand.Create(),
            ScoreCommand.Create(),
            EraseContactCommand.Create(),
            KpisCommand.Create(),
            ReportCommand.Create(),
        };

    /// <summary>Prints configuration errors the same way for every verb.</summary>
    public static void PrintErrors(TextWriter output, string folder, IReadOnlyList<Checks.ConfigError> errors)
    {
        foreach (var error in errors) output.WriteLine(error);
        output.WriteLine($"{folder}: {errors.Count} error(s)");
    }
}
