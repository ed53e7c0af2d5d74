using System.Collections.Concurrent;
using Cronos;
using Monitoring.Checks;

namespace Monitoring.Scheduling;

/// <summary>
/// How late a scheduled run started: the time from the second its schedule asked for to the moment its job began.
/// The due second is the schedule's last occurrence at or before the job's creation (Hangfire's recurring-job
/// scheduler creates the job once the occurrence has passed), so a run that waited in the queue longer than a whole
/// interval still counts its full lateness instead of being mistaken for the next occurrence's run.
/// </summary>
public static class SchedulerLag
{
    // One parsed expression per distinct cron: a thousand probes share at most a few hundred.
    private static readonly ConcurrentDictionary<string, CronExpression> Parsed = new();

    /// <summary>The lag of a run of a check of <paramref name="interval"/> and <paramref name="id"/> (its schedule as
    /// <see cref="Schedules"/> derives it), whose job was created at <paramref name="createdAt"/> and started at
    /// <paramref name="startedAt"/>; null when the interval has no schedule. Never negative: clocks a few
    /// milliseconds apart (a database's and the service's) must not make a run early.</summary>
    public static TimeSpan? Of(TimeSpan interval, string id, DateTimeOffset createdAt, DateTimeOffset startedAt)
    {
        if (!Schedules.TryToCron(interval, id, out var cron, out _)) return null;
        var expression = Parsed.GetOrAdd(cron, c => CronExpression.Parse(c, CronFormat.IncludeSeconds));
        // Exactly one occurrence lies in (createdAt - interval, createdAt]: the schedules are evenly spaced.
        var due = expression.GetOccurrences(createdAt - interval, createdAt, TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true)
            .LastOrDefault();
        if (due == default) return null;
        var lag = startedAt - due;
        return lag > TimeSpan.Zero ? lag : TimeSpan.Zero;
    }
}
