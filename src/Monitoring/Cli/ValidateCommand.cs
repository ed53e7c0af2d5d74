using System.CommandLine;
using Monitoring.Checks;

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
        var command = new Command("validate", "Validate a checks/ folder and print every error with its file, line and path.") { folder };
        command.SetAction(result => Run(result.GetValue(folder)!, Console.Out));
        return command;
    }

    public static int Run(string folder, TextWriter output)
    {
        var (checks, errors) = CheckSetLoader.Default().Load(folder);
        if (checks is null)
        {
            CommandLine.PrintErrors(output, folder, errors);
            return 1;
        }
        output.WriteLine($"{folder}: valid ({checks.Probes.Count} probe(s), {checks.Sources.Count} source(s))");
        return 0;
    }
}
