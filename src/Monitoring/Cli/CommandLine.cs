using System.CommandLine;

namespace Monitoring.Cli;

/// <summary>The verbs of the <c>monitoring</c> executable.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            // The host handles Ctrl+C and SIGTERM itself and shuts down gracefully; the parser must not race it.
            return await CreateRoot().Parse(args).InvokeAsync(new InvocationConfiguration
            {
                ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (BadSetting(e) is { } message)
        {
            // A setting out of range or of the wrong type: one line naming the key, exit 2 as for a bad checks folder.
            Console.Error.WriteLine($"configuration error: {message}");
            return 2;
        }
        catch (Exception e)
        {
            // As System.CommandLine's own handler did: a cancellation ends quietly, anything else is printed whole.
            if (e is not OperationCanceledException) Console.Error.WriteLine($"Unhandled exception: {e}");
            return 1;
        }
    }

    /// <summary>The message of a settings error (a failed validation or a value that does not convert), else null.</summary>
    private static string? BadSetting(Exception e) => e switch
    {
        Microsoft.Extensions.Options.OptionsValidationException validation => validation.Message,
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => m,
        AggregateException { InnerExceptions: [var single] } => BadSetting(single),
        _ => null,
    };

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
