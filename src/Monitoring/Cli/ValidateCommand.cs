using System.CommandLine;
using Monitoring.Checks;
using Monitoring.Checks.Schemas;

namespace Monitoring.Cli;

/// <summary><c>monitoring validate [DIR]</c>: every error of a checks folder, for a user's CI. Exit 0 when valid.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir")
        {
            Description = "The checks folder to validate",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "checks",
        };
        var command = new Command("validate", "Validate a checks/ folder (readers and JSON Schemas) and print every error with its file, line and path.") { folder };
        command.SetAction(result => Run(result.GetValue(folder)!, Console.Out));
        return command;
    }

    public static int Run(string folder, TextWriter output)
    {
        var (checks, errors) = CheckSetLoader.Default().Load(folder);
        var all = Merge(errors, SchemaValidator.ValidateFolder(folder));
        if (checks is null || all.Count > 0)
        {
            CommandLine.PrintErrors(output, folder, all);
            return 1;
        }
        output.WriteLine($"{folder}: valid ({checks.Probes.Count} probe(s), {checks.Sources.Count} source(s))");
        return 0;
    }

    /// <summary>The readers' errors, plus the schema's on lines the readers said nothing about (the same problem once).</summary>
    internal static IReadOnlyList<ConfigError> Merge(IReadOnlyList<ConfigError> readerErrors, IReadOnlyList<ConfigError> schemaErrors)
    {
        var reported = readerErrors.Select(e => (e.File, e.Line)).ToHashSet();
        return readerErrors.Concat(schemaErrors.Where(e => !reported.Contains((e.File, e.Line))))
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
    }
}
