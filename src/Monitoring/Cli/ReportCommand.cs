using System.CommandLine;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Kpis;
using Monitoring.Kpis.Reports;
using Monitoring.Mail;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring report [--week 2026-W46 | --month 2026-10] [--send]</c>: brings the KPI rollup up to date and prints the
/// weekly report (the last complete ISO week by default) or the monthly pack as the text of its email; with
/// <c>--send</c>, also queues the email for each recipient of the managers' route (once per period and recipient).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var week = new Option<string?>("--week") { Description = "An ISO week, such as 2026-W46 (default: the last complete one)" };
        var month = new Option<string?>("--month") { Description = "A month, such as 2026-10, for the monthly pack" };
        var send = new Option<bool>("--send") { Description = "Also queue the email for the managers' route in checks/alerts.yaml" };
        var checks = new Option<string?>("--checks") { Description = "The checks folder (default ./checks)" };
        var command = new Command("report", "Print the weekly report or the monthly pack, and queue its email with --send.") { week, month, send, checks };
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
            if (r.GetValue(week) is not null && r.GetValue(month) is not null)
            {
                Console.Error.WriteLine("give --week or --month, not both");
                return 2;
            }
            if (r.GetValue(week) is { } weekText && (chosen = Period.Parse(weekText)) is not { Kind: PeriodKind.IsoWeek })
            {
                Console.Error.WriteLine($"'{weekText}' is not an ISO week (write 2026-W46)");
                return 2;
            }
            if (r.GetValue(month) is { } monthText && (chosen = Period.Parse(monthText)) is not { Kind: PeriodKind.Month })
            {
                Console.Error.WriteLine($"'{monthText}' is not a month (write 2026-10)");
                return 2;
            }
            await using var services = await CliServices.BuildAsync(r.UnmatchedTokens, ct, s => s
                .AddSingleton(new ActiveChecks(loaded))
                .AddSingleton(CliServices.Configuration(r.UnmatchedTokens)));
            var runner = services.GetRequiredService<KpiRunner>();
            await runner.RunAsync(false, null, ct);
            var period = chosen ?? KpiReport.LastCompleteWeek(runner.Days.DayOf(TimeProvider.System.GetUtcNow()));
            var report = await services.GetRequiredService<KpiPeriodReportBuilder>().BuildAsync(period, ct);
            Console.Write(KpiReportText.Render(report));
            if (!r.GetValue(send)) return 0;

            if (services.GetService<IMailOutbox>() is not { } outbox)
            {
                Console.Error.WriteLine("not queued: this build has no mail outbox");
                return 1;
            }
            var route = loaded.Alerts.Match(KpiReportMailer.Team, "warning");
            if (route is null || route.To.Count == 0)
            {
                Console.Error.WriteLine($"not queued: no route of {folder}/alerts.yaml takes team {KpiReportMailer.Team}");
                return 1;
            }
            var images = KpiReportMail.Images(report);
            foreach (var recipient in route.To)
            {
                var queued = await outbox.EnqueueAsync(KpiReportMail.Compose(report, recipient, images), TimeProvider.System.GetUtcNow(), ct);
                Console.Error.WriteLine(queued ? $"queued for {AlertRoutes.AddressOf(recipient)}" : $"already queued for {AlertRoutes.AddressOf(recipient)}");
            }
            return 0;
        });
        return command;
    }
}
