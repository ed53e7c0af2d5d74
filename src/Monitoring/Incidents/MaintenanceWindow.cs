using Cronos;
using Monitoring.Checks;
using Monitoring.Checks.Yaml;

namespace Monitoring.Incidents;

/// <summary>
/// A recurring maintenance window: it opens at each occurrence of a cron expression in a time zone and lasts a fixed
/// duration. Cronos computes occurrences in the zone itself, so a 02:30 window stays at 02:30 local time across
/// daylight-saving changes (on the spring-forward night, when 02:30 does not exist, it opens at 03:00).
/// </summary>
public sealed record MaintenanceWindow(string Name, string Cron, TimeSpan Duration, TimeZoneInfo TimeZone)
{
    private CronExpression Expression { get; } = CronExpression.Parse(Cron, CronFormat.Standard);

    /// <summary>Whether <paramref name="instant"/> falls inside an occurrence of the window.</summary>
    public bool Contains(DateTimeOffset instant)
    {
        // An occurrence that started within the last Duration still covers the instant.
        var from = instant.UtcDateTime - Duration;
        var occurrence = Expression.GetNextOccurrence(from, TimeZone, inclusive: true);
        return occurrence is { } start && start <= instant.UtcDateTime && instant.UtcDateTime < start + Duration;
    }

    /// <summary>Reads one window: <c>{ name, cron: "30 2 * * 0", duration: 1h, time_zone: Europe/Paris }</c>.</summary>
    public static MaintenanceWindow? Read(ConfigNode node, string defaultTimeZone)
    {
        if (!node.ExpectMapping()) return null;
        var name = node.String("name") ?? "maintenance";
        var cron = node.RequiredString("cron");
        var duration = node.RequiredChild("duration") is null ? null : node.Duration("duration");
        var zoneId = node.String("time_zone") ?? defaultTimeZone;
        node.RejectUnknownKeys();

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            (node.Child("time_zone") ?? node).Error($"'{zoneId}' is not a known time zone (write an IANA id like Europe/Paris)");
            return null;
        }
        if (cron is null || duration is null) return null;
        try
        {
            CronExpression.Parse(cron, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            node.Child("cron")!.Error($"'{cron}' is not a cron expression of five fields (minute hour day month weekday): {e.Message}");
            return null;
        }
        return new MaintenanceWindow(name, cron, duration.Value, zone);
    }

    public override string ToString() => $"{Name} ({Cron} for {Durations.Format(Duration)}, {TimeZone.Id})";
}
