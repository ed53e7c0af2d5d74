using System.CommandLine;
using Monitoring.Checks.Schemas;

namespace Monitoring.Cli;

/// <summary><c>monitoring schema [--out DIR]</c>: writes the JSON Schema of each kind of checks/ file, for editors.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The folder to write the schema files to", DefaultValueFactory = _ => "schemas" };
        var command = new Command("schema", "Write the JSON Schema of each kind of checks/ file (NAME.schema.json) for editor completion.") { output };
        command.SetAction(result => Run(result.GetValue(output)!, Console.Out));
        return command;
    }

    public static int Run(string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, files) in CheckSchemas.Names)
        {
            var path = Path.Combine(folder, $"{name}.schema.json");
            File.WriteAllText(path, CheckSchemas.Text(name));
            output.WriteLine($"{path}  (checks/{files})");
        }
        return 0;
    }
}
