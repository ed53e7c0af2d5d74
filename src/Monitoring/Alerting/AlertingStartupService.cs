using Hangfire;
using Monitoring.Checks;
using Monitoring.Metrics;

namespace Monitoring.Alerting;

/// <summary>At start-up: registers the dispatcher job when a channel is on (removes it otherwise) and says so once.</summary>
public sealed class AlertingStartupService(
    IRecurringJobManager jobs,
    IEnumerable<IAlertChannel> channels,
    AlertingOptions options,
    ActiveChecks checks,
    MonitoringMetrics metrics,
    ILogger<AlertingStartupService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var enabled = channels.Where(c => c.IsEnabled).ToList();
        var routes = checks.Current.Alerts;
        if (enabled.Count == 0)
        {
            jobs.RemoveIfExists(AlertDispatchJob.JobId);
            jobs.RemoveIfExists(Mail.MailDispatchJob.JobId);
            if (!routes.IsEmpty)
                logger.LogWarning("checks/alerts.yaml has alert routes, but no alert channel is configured (set {Section}:SmtpHost): nobody will be told about incidents",
                    AlertingOptions.Section);
            return Task.CompletedTask;
        }

        foreach (var channel in enabled) metrics.TrackNotificationChannel(channel.Name);
        Schedules.TryToCron(options.DispatchInterval, AlertDispatchJob.JobId, out var cron, out _);
        jobs.AddOrUpdate<AlertDispatchJob>(AlertDispatchJob.JobId, job => job.RunAsync(CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Reports and digests share the alerts' SMTP server and interval; they have their own outbox (see Mail/).
        jobs.AddOrUpdate<Mail.MailDispatchJob>(Mail.MailDispatchJob.JobId, job => job.RunAsync(CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        logger.LogInformation("Alerts on through {Channels}, dispatched every {Interval}; {Routes} route(s){Default}",
            string.Join(", ", enabled.Select(c => c.Name)), Durations.Format(options.DispatchInterval), routes.Routes.Count,
            routes.Default is null ? " and no default route" : " and a default route");
        if (routes.IsEmpty)
            logger.LogWarning("No route in checks/alerts.yaml: nobody will be told about incidents");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
