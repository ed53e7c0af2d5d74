using Monitoring.Metrics;
using Prometheus;

namespace Monitoring.Tests.Alerting;

public sealed class NotificationMetricsTests
{
    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Publishes_every_notification_series_of_a_channel_at_zero_then_counts()
    {
        var metrics = new MonitoringMetrics(Prometheus.Metrics.NewCustomRegistry());

        metrics.TrackNotificationChannel("email");
        metrics.RecordNotification("email", "trigger", MonitoringMetrics.NotificationSent);
        metrics.RecordNotification("email", "resolve", MonitoringMetrics.NotificationFailed);
        metrics.AlertOutboxPending.Set(3);
        var text = await ScrapeAsync(metrics.Registry);

        Assert.Contains("shopmon_notifications_total{channel=\"email\",kind=\"trigger\",result=\"sent\"} 1", text);
        Assert.Contains("shopmon_notifications_total{channel=\"email\",kind=\"resolve\",result=\"failed\"} 1", text);
        Assert.Contains("shopmon_notifications_total{channel=\"email\",kind=\"escalation\",result=\"suppressed\"} 0", text);
        Assert.Equal(12, text.Split('\n').Count(l => l.StartsWith("shopmon_notifications_total{", StringComparison.Ordinal)));
        Assert.Contains("shopmon_alert_outbox_pending 3", text);
    }
}
