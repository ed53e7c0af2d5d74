using Monitoring.Checks;
using Monitoring.Incidents;
using Monitoring.Metrics;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Alerting;

/// <summary>
/// Turns incidents into outbox rows. The probe job calls <see cref="HandleAsync"/> with the events of each run (the
/// fast path); the dispatcher calls <see cref="PlanAllAsync"/> on its schedule for reminders and escalations, and to
/// catch up on anything the fast path missed (a crash between the evaluation and the hook, a database hiccup). Both
/// go through <see cref="AlertPlanner"/>, whose plans are idempotent, so running both is harmless.
/// </summary>
public sealed class AlertPipeline(
    ActiveChecks checks,
    IIncidentStore incidents,
    IProbeStore probes,
    IScenarioStore scenarios,
    IAlertOutboxStore outbox,
    IEnumerable<IAlertChannel> channels,
    AlertingOptions options,
    MonitoringMetrics metrics,
    TimeProvider time,
    ILogger<AlertPipeline> logger)
{
    /// <summary>How long after its resolution an incident is still planned (for a resolved notice the fast path missed).</summary>
    public static readonly TimeSpan ResolvedLookBack = TimeSpan.FromDays(1);

    private readonly IReadOnlyList<IAlertChannel> _channels = channels.Where(c => c.IsEnabled).ToList();

    /// <summary>Whether any channel is on; when none is, nothing is queued.</summary>
    public bool IsEnabled => _channels.Count > 0;

    /// <summary>The hook after each evaluation: queues or cancels notifications for the incidents the events touched.
    /// Never throws for a storage problem: the dispatcher's next pass catches up.</summary>
    public async Task HandleAsync(ProbeDefinition probe, IReadOnlyList<CheckEvent> events, CancellationToken cancellationToken)
    {
        if (!IsEnabled) return;
        foreach (var change in events)
        {
            try
            {
                switch (change)
                {
                    case IncidentOpened { Notify: true } or IncidentAlertReleased:
                        if (await incidents.GetOpenIncidentAsync(probe.Id, cancellationToken) is { } open)
                            await PlanAsync(open, change.At, cancellationToken);
                        break;
                    case IncidentResolved:
                        var latest = (await incidents.ListIncidentsAsync(probe.Id, 1, cancellationToken)).FirstOrDefault();
                        if (latest is { IsOpen: false }) await PlanAsync(latest, null, cancellationToken);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not queue the alert for {Check} now; the alert dispatcher will queue it on its next pass", probe.Id);
            }
        }
    }

    /// <summary>Plans every incident that may need a notification: open ones, recently resolved ones, and any with rows pending.</summary>
    public async Task PlanAllAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled) return;
        foreach (var id in await outbox.IncidentsToPlanAsync(time.GetUtcNow() - ResolvedLookBack, cancellationToken))
        {
            try
            {
                if (await incidents.GetIncidentAsync(id, cancellationToken) is { } incident)
                    await PlanAsync(incident, null, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One incident that cannot be planned must not keep the others' alerts from going out.
                logger.LogError(e, "Could not plan the notifications of incident {Incident}", id);
            }
        }
    }

    private async Task PlanAsync(Incident incident, DateTimeOffset? raisedAt, CancellationToken cancellationToken)
    {
        var current = checks.Current;
        var probe = current.FindProbe(incident.CheckId);
        // A check removed from checks/ is no longer evaluated, so its incident would page forever: leave it alone.
        if (probe is null && incident.IsOpen) return;
        var route = (probe is null ? current.Alerts.Default : current.Alerts.Match(probe.Team, probe.Severity)) ?? AlertRoute.ResolveOnly;

        var now = time.GetUtcNow();
        var all = await outbox.ListAsync(incident.Id, cancellationToken);
        AlertContext? context = null;
        foreach (var channel in _channels)
        {
            var rows = all.Where(r => r.Channel == channel.Name).ToList();
            var plan = AlertPlanner.Plan(incident, rows, route, now, raisedAt);
            foreach (var (row, reason) in plan.Cancel)
            {
                if (!await outbox.CancelAsync(row.Id, null, reason, now, cancellationToken)) continue;
                metrics.RecordNotification(channel.Name, NotificationNames.Of(row.Kind), MonitoringMetrics.NotificationSuppressed);
                logger.LogInformation("Cancelled the {Kind} for incident {Incident} ({Check}) to {Recipient}: {Reason}",
                    NotificationNames.Of(row.Kind), incident.Id, incident.CheckId, row.Recipient, reason);
            }
            if (plan.Add.Count == 0) continue;

            context ??= await ContextAsync(incident, probe, route, current, now, cancellationToken);
            var written = await channel.ComposeAsync(context with { Rows = rows }, plan.Add, cancellationToken);
            var added = await outbox.AddAsync(written, now, cancellationToken);
            if (added > 0)
                logger.LogInformation("Queued {Count} {Channel} notification(s) for incident {Incident} ({Check}): {Kinds}", added, channel.Name,
                    incident.Id, incident.CheckId, string.Join(", ", plan.Add.Select(p => $"{p.Key} to {p.Recipient}")));
        }
    }

    private async Task<AlertContext> ContextAsync(Incident incident, ProbeDefinition? probe, AlertRoute route, CheckSet current,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now - options.ChartWindow;
        var results = await probes.ResultsAsync(incident.CheckId, from, now.AddMinutes(1), cancellationToken);
        var others = (await incidents.ListIncidentsAsync(null, 50, cancellationToken))
            .Where(i => i.IsOpen && i.Id != incident.Id && i.HeldBackBecause is null).ToList();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(current.Settings.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        // A browser scenario's screenshot of the failing page, when it was taken during this incident.
        var screenshot = probe?.Kind == Scenarios.ScenarioReader.KindName
            ? await scenarios.ScreenshotAsync(incident.CheckId, null, cancellationToken) : null;
        if (screenshot is not null && screenshot.StartedAt < incident.FirstFailureAt.AddMinutes(-1)) screenshot = null;
        return new AlertContext(incident, probe, route, [], results, from, others, zone, now) { Screenshot = screenshot };
    }
}
