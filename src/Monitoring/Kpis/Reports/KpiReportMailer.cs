using Microsoft.Extensions.Options;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Mail;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// Queues the weekly report and the monthly pack when due (<see cref="KpiReportSchedule"/>), for each recipient of the
/// route that takes team <c>managers</c> in <c>checks/alerts.yaml</c>. The key is the period's label, so a restart or a
/// second instance queues nothing more; the report is built only when some recipient does not have it yet.
/// </summary>
public sealed class KpiReportMailer(KpiPeriodReportBuilder builder, ActiveChecks checks, IOptions<KpiReportOptions> options,
    TimeProvider time, ILogger<KpiReportMailer> logger, IMailOutbox? outbox = null)
{
    /// <summary>The team whose route receives the reports.</summary>
    public const string Team = "managers";

    /// <summary>Queues what is due and not queued yet; returns the messages newly queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (outbox is null) return 0;
        var current = checks.Current;
        var recipients = current.Alerts.Match(Team, "warning")?.To ?? [];
        if (recipients.Count == 0) return 0;
        var queued = 0;
        foreach (var due in KpiReportSchedule.Due(time.GetUtcNow(), ShopDays.Of(current).Zone, options.Value))
        {
            var sent = (await outbox.ListAsync(due.Kind, 500, cancellationToken)).Where(e => e.Key == due.Period.Label).ToList();
            var missing = recipients.Where(r => !sent.Any(e => AlertRoutes.SameAddress(e.Recipient, r))).ToList();
            if (missing.Count == 0) continue;
            var report = await builder.BuildAsync(due.Period, cancellationToken);
            if (!report.HasShopData)
            {
                logger.LogInformation("{Kind} {Period} not sent: the period has no shop data", due.Kind, due.Period.Label);
                continue;
            }
            var images = KpiReportMail.Images(report);
            foreach (var recipient in missing)
                if (await outbox.EnqueueAsync(KpiReportMail.Compose(report, recipient, images), due.DueAt, cancellationToken))
                    queued++;
            logger.LogInformation("{Kind} {Period} queued for {Count} recipient(s)", due.Kind, due.Period.Label, queued);
        }
        return queued;
    }
}
