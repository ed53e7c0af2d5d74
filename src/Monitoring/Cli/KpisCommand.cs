using System.CommandLine;
using Monitoring.Checks;
using Monitoring.Kpis;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring kpis [--recompute] [--period 2026-W47]</c>: brings the daily KPI rollup up to date (every day of the
/// history with <c>--recompute</c>) and prints the KPIs of the last complete ISO week, or of the period given.
/// </summary>
public static class KpisCommand
{
    public static Command Create()
    {
        var recompute = new Option<bool>("--recompute") { Description = "Recompute every day of the history, not only the days that changed" };
        var period = new Option<string?>("--period") { Description = "A period: 2026-W47, 2026-11, 2026-11-20 (default: the last complete ISO week)" };
        var checks = new Option<string?>("--checks") { Description = "The checks folder (default ./checks): its time zone cuts the days" };
        var command = new Command("kpis", "Update the KPIs and print them for a period.") { recompute, period, checks };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (r, ct) =>
        {
            var folder = r.GetValue(checks) ?? "checks";
            var (loaded, errors) = CheckSetLoader.Default().Load(folder);
            if (loaded is null)
            {
                CommandLine.PrintErrors(Console.Error, folder, errors);
                return 2;
            }
            Period? chosen = null;
            if (r.GetValue(period) is { } text && (chosen = Period.Parse(text)) is null)
            {
                Console.Error.WriteLine($"'{text}' is not a period (write 2026-W47, 2026-11 or 2026-11-20)");
                return 2;
            }
            await using var services = await CliServices.BuildAsync(r.UnmatchedTokens, ct, s => s.AddSingleton(new ActiveChecks(loaded)));
            var runner = services.GetRequiredService<KpiRunner>();
            var days = await runner.RunAsync(r.GetValue(recompute), new Progress<string>(Console.Error.WriteLine), ct);
            Console.Error.WriteLine($"{days:N0} day(s) computed");
            var shown = chosen ?? KpiReport.LastCompleteWeek(runner.Days.DayOf(TimeProvider.System.GetUtcNow()));
            Print(shown, await services.GetRequiredService<KpiReport>().ForAsync(shown, ct));
            return 0;
        });
        return command;
    }

    private static void Print(Period period, IReadOnlyList<KpiComparison> rows)
    {
        Console.WriteLine($"KPIs for {period.Label} ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}), whole shop");
        Console.WriteLine($"  {"kpi",-30} {"value",14} {"vs previous",12} {"vs last year",12} {"target",14}  light");
        foreach (var row in rows)
            Console.WriteLine($"  {row.Kpi.Id,-30} {KpiReport.Format(row.Kpi, row.Current.Value),14} {KpiReport.Change(row.ChangeOnPrevious),12} " +
                              $"{KpiReport.Change(row.ChangeOnYearEarlier),12} {KpiReport.Format(row.Kpi, row.Target?.Target),14}  {row.Light.ToString().ToLowerInvariant()}");
    }
}
