using System.CommandLine;
using Monitoring.Checks;
using Monitoring.Quality;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring score</c>: runs a full quality scan now with the rules of checks/quality, then prints each domain's
/// score and grade distribution and the ten findings to fix first. Exit code 0 after a scan, 2 when the configuration
/// is wrong or declares no rules.
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var checks = new Option<string?>("--checks") { Description = "The checks folder (default ./checks)" };
        var top = new Option<int>("--top") { Description = "How many findings to list (default 10)", DefaultValueFactory = _ => 10 };
        var command = new Command("score", "Scan the shop's data with the quality rules now, and print the scores and the top findings.") { checks, top };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((r, ct) => RunAsync(r.GetValue(checks) ?? "checks", Math.Clamp(r.GetValue(top), 0, 1000), r.UnmatchedTokens, ct));
        return command;
    }

    private static async Task<int> RunAsync(string checksFolder, int top, IReadOnlyList<string> hostArgs, CancellationToken cancellationToken)
    {
        var (checks, errors) = CheckSetLoader.Default().Load(checksFolder);
        if (checks is null)
        {
            CommandLine.PrintErrors(Console.Error, checksFolder, errors);
            return 2;
        }
        if (checks.QualityRules.Count == 0)
        {
            Console.Error.WriteLine($"{checksFolder}/{QualityRuleReader.Folder} declares no quality rules: nothing to score.");
            return 2;
        }

        await using var services = await CliServices.BuildAsync(hostArgs, cancellationToken, s => s.AddSingleton<QualityScanner>().AddSingleton<Quality.Incremental.QualityScanMarks>());
        var report = await services.GetRequiredService<QualityScanner>().ScanAsync(checks.QualityRules, cancellationToken);
        var store = services.GetRequiredService<IQualityStore>();

        Console.WriteLine($"Scanned {report.Records:N0} record(s) with {checks.QualityRules.Count} rule(s) at {report.At:u}.");
        Console.WriteLine($"{"domain",-10} {"score",6} grade  records  A / B / C / D / E   with a blocker");
        foreach (var d in report.Domains)
            Console.WriteLine($"{d.Domain,-10} {d.Score,6:0.0} {d.Grade,-5}  {d.Records,7:N0}  " +
                              $"{string.Join(" / ", d.Grades.OrderBy(g => g.Key).Select(g => g.Value))}   {d.BlockerShare,6:P0}");
        Console.WriteLine($"Findings: {report.Transitions.GetValueOrDefault(FindingTransition.Opened)} new, " +
                          $"{report.Transitions.GetValueOrDefault(FindingTransition.Reopened)} back again, " +
                          $"{report.Transitions.GetValueOrDefault(FindingTransition.Resolved)} resolved; {report.Unresolved:N0} unresolved.");
        if (top == 0) return 0;

        var findings = await store.ListAsync(new FindingQuery(Status: FindingStatus.Open, Limit: top), cancellationToken);
        Console.WriteLine(findings.Count == 0 ? "No open findings." : $"Top {findings.Count} open finding(s), highest priority first:");
        foreach (var f in findings)
            Console.WriteLine($"  {f.Priority,10:N0}  {QualityNames.Name(f.Severity),-7}  {f.RuleId}  {f.Entity} {f.Key}: {f.Message}" +
                              (f.Team is null ? "" : $"  [{f.Team}]"));
        return 0;
    }
}
