using System.CommandLine;
using Monitoring.Checks;
using Monitoring.Shop.Import;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring import SOURCE [FILE]</c>: imports a source declared in checks/sources now, with progress on long
/// files and the report at the end. Exit code 0 when every origin was read to the end (refused rows included: they
/// are in the quarantine), 1 when one failed, 2 when the configuration or the source name is wrong.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The id of a source in checks/sources" };
        var file = new Argument<string?>("file") { Description = "Import only this file (csv sources) instead of the source's files", Arity = ArgumentArity.ZeroOrOne };
        var checks = new Option<string?>("--checks") { Description = "The checks folder (default ./checks)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress, only the report" };
        var command = new Command("import", "Import a source of the shop's data now, and print the report.") { source, file, checks, quiet };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((r, ct) => RunAsync(r.GetValue(source)!, r.GetValue(file), r.GetValue(checks) ?? "checks", r.GetValue(quiet),
            r.UnmatchedTokens, ct));
        return command;
    }

    private static async Task<int> RunAsync(string sourceId, string? file, string checksFolder, bool quiet, IReadOnlyList<string> hostArgs,
        CancellationToken cancellationToken)
    {
        // The optional FILE argument would otherwise swallow the first host option (--Monitoring:Storage:…=…).
        if (file is not null && file.StartsWith("--", StringComparison.Ordinal))
        {
            hostArgs = [file, .. hostArgs];
            file = null;
        }
        var (checks, errors) = CheckSetLoader.Default().Load(checksFolder);
        if (checks is null)
        {
            CommandLine.PrintErrors(Console.Error, checksFolder, errors);
            return 2;
        }
        var source = checks.Sources.FirstOrDefault(s => s.Id == sourceId);
        if (source is null)
        {
            Console.Error.WriteLine(checks.Sources.Count == 0
                ? $"'{sourceId}' is not a source: {checksFolder}/sources declares none."
                : $"'{sourceId}' is not a source (declared: {string.Join(", ", checks.Sources.Select(s => s.Id))}).");
            return 2;
        }

        await using var services = await CliServices.BuildAsync(hostArgs, cancellationToken);
        var importer = services.GetRequiredService<SourceImporter>();
        var progress = quiet ? null : new ConsoleImportProgress(Console.Error);
        var reports = await importer.ImportAsync(source, file, progress, cancellationToken);
        progress?.Finish();
        ImportReportPrinter.Print(Console.Out, reports);
        return reports.All(r => r.Succeeded) ? 0 : 1;
    }
}
