using Monitoring.Incidents;
using Monitoring.Probes;
using Monitoring.Storage;

namespace Monitoring.Alerting;

/// <summary>
/// One way of telling people (email today; a webhook or chat channel would be another folder under Channels/ and one
/// registration line). The outbox, the planning, the retries and the ordering are shared; a channel only writes and
/// delivers its messages.
/// </summary>
public interface IAlertChannel
{
    /// <summary>The channel's name in the outbox and in the <c>channel</c> metric label, like <c>email</c>.</summary>
    string Name { get; }

    /// <summary>False while its settings are missing: nothing is queued for it.</summary>
    bool IsEnabled { get; }

    /// <summary>Writes the planned notifications of one incident (subject, bodies, thread ids, links).</summary>
    Task<IReadOnlyList<NewNotification>> ComposeAsync(AlertContext context, IReadOnlyList<PlannedNotification> planned,
        CancellationToken cancellationToken);

    /// <summary>Delivers claimed messages in order. One result per message: null when delivered, else what went wrong
    /// (without secrets). Delivery failures are results, not exceptions.</summary>
    Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Everything a channel needs to write about an incident.</summary>
/// <param name="Incident">The incident, as stored now.</param>
/// <param name="Probe">Its check, or null when the check is no longer configured.</param>
/// <param name="Route">The route that takes it.</param>
/// <param name="Rows">The incident's outbox rows on this channel (who was told what, the thread's first message).</param>
/// <param name="RecentResults">The check's runs over the chart window, oldest first.</param>
/// <param name="ResultsFrom">Where the chart window starts.</param>
/// <param name="OtherOpen">Other open incidents, for context in an alert storm.</param>
/// <param name="TimeZone">The shop's time zone.</param>
/// <param name="Now">When the messages are written.</param>
public sealed record AlertContext(
    Incident Incident,
    ProbeDefinition? Probe,
    AlertRoute Route,
    IReadOnlyList<OutboxEntry> Rows,
    IReadOnlyList<ProbeResult> RecentResults,
    DateTimeOffset ResultsFrom,
    IReadOnlyList<Incident> OtherOpen,
    TimeZoneInfo TimeZone,
    DateTimeOffset Now)
{
    /// <summary>The screenshot a browser scenario stored when it failed during this incident, if any.</summary>
    public StepScreenshot? Screenshot { get; init; }

    /// <summary>The check's display name: <c>Product page (product-page)</c>, or the id alone.</summary>
    public string CheckTitle => Probe is null || Probe.Name == Probe.Id ? Incident.CheckId : $"{Probe.Name} ({Probe.Id})";
}
