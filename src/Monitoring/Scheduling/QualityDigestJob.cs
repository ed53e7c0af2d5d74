using Hangfire;
using Monitoring.Alerting;
using Monitoring.Checks;
using Monitoring.Mail;
using Monitoring.Quality.Digest;

namespace Monitoring.Scheduling;

/// <summary>
/// Every 15 minutes: when the week's digest time has come (Monday 08:00 shop time by default), queues each rule-owning
/// team's digest for the recipients of the alert route that takes the team's warnings (<c>checks/alerts.yaml</c>),
/// unless the outbox already holds it. The outbox key <c>{team}:{iso-week}</c> makes a second queueing a no-op anyway;
/// looking first spares composing (and drawing the chart) every quarter hour for the rest of the week.
/// </summary>
public sealed class QualityDigestJob(ActiveChecks checks, QualityDigestService digests, IMailOutbox outbox, QualityDigestOptions options,
    AlertingOptions alerting, TimeProvider time, ILogger<QualityDigestJob> logger)
{
    public const string JobId = "system:quality-digest";

    /// <summary>At minutes 2, 17, 32 and 47: a digest due at 08:00 is queued at 08:02.</summary>
    public const string Cron = "0 2/15 * * * *";

    /// <summary>How many of the newest digests are read to know what is queued: far more than teams × recipients.</summary>
    private const int QueuedLookback = 1000;

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled) return 0;
        var now = time.GetUtcNow();
        if (digests.Schedule.Due(now) is not { } week) return 0;
        var queued = (await outbox.ListAsync(QualityDigestComposer.Kind, QueuedLookback, cancellationToken))
            .Select(e => (e.Key, Address: AlertRoutes.AddressOf(e.Recipient).ToLowerInvariant())).ToHashSet();
        var count = 0;
        foreach (var team in digests.Teams)
        {
            var route = checks.Current.Alerts.Match(team, "warning");
            var key = QualityDigestComposer.Key(team, week);
            var missing = route?.To.Where(r => !queued.Contains((key, AlertRoutes.AddressOf(r).ToLowerInvariant()))).ToList() ?? [];
            if (route is null)
            {
                logger.LogWarning("No route in checks/alerts.yaml takes team {Team}'s warnings: its quality digest {Week} is not sent", team, week.Name);
                continue;
            }
            if (missing.Count == 0) continue;
            var digest = await digests.BuildAsync(team, week, cancellationToken);
            foreach (var recipient in missing)
            {
                var message = QualityDigestComposer.Compose(digest, recipient, digests.Schedule.Zone, alerting.BaseUrl);
                if (await outbox.EnqueueAsync(message, now, cancellationToken)) count++;
            }
            logger.LogInformation("Quality digest {Week} of team {Team} queued for {Recipients} (route {Route}): {New} new, {Resolved} resolved, {Open} open",
                week.Name, team, string.Join(", ", missing), route.Name, digest.NewCount, digest.ResolvedCount, digest.OpenCount);
        }
        return count;
    }
}
