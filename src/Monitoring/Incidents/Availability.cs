namespace Monitoring.Incidents;

/// <summary>How a stretch of a check's time counts for availability.</summary>
public enum TimeCategory
{
    Up,
    Degraded,
    Down,
    Maintenance,
    Unknown,
}

/// <summary>A stretch of time in one category, inside one UTC hour: the unit of the hourly rollups.</summary>
public sealed record AvailabilitySlice(DateTimeOffset HourStart, TimeCategory Category, TimeSpan Duration);

/// <summary>Time spent in each category over a window, summed from the hourly rollups.</summary>
public sealed record AvailabilityTotals(TimeSpan Up, TimeSpan Degraded, TimeSpan Down, TimeSpan Maintenance, TimeSpan Unknown)
{
    public static AvailabilityTotals Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// availability = 1 − down ÷ (window − maintenance − unknown), where down is the time in the Down and Recovering
    /// states. Null when no time was observed outside maintenance.
    /// </summary>
    public double? Ratio
    {
        get
        {
            var counted = Up + Degraded + Down;
            return counted <= TimeSpan.Zero ? null : 1 - Down / counted;
        }
    }
}

/// <summary>
/// Turns the time between two evaluations of a check into rollup slices. The time since the last evaluation is
/// attributed to the state the check was in during it (state-based availability). A gap longer than two intervals
/// (the service was stopped, or the scheduler starved) is not invented as up or down: beyond two intervals it is Unknown.
/// </summary>
public static class Availability
{
    public static TimeCategory CategoryOf(CheckState state) =>
        state.InMaintenance ? TimeCategory.Maintenance : state.Status switch
        {
            CheckStatus.Up or CheckStatus.Pending => TimeCategory.Up,
            CheckStatus.Degraded => TimeCategory.Degraded,
            CheckStatus.Down or CheckStatus.Recovering => TimeCategory.Down,
            _ => TimeCategory.Unknown,
        };

    /// <summary>Slices for the time from the previous evaluation to <paramref name="now"/>.</summary>
    public static IReadOnlyList<AvailabilitySlice> Attribute(CheckState previous, DateTimeOffset now, TimeSpan interval)
    {
        if (previous.LastEvaluatedAt is not { } from || now <= from) return [];
        var category = CategoryOf(previous);
        var trusted = from + 2 * interval;
        if (now <= trusted) return Split(from, now, category).ToList();
        return Split(from, trusted, category).Concat(Split(trusted, now, TimeCategory.Unknown)).ToList();
    }

    /// <summary>Cuts [from, to) at every UTC hour boundary.</summary>
    public static IEnumerable<AvailabilitySlice> Split(DateTimeOffset from, DateTimeOffset to, TimeCategory category)
    {
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        while (start < end)
        {
            var hour = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
            var next = hour.AddHours(1);
            var stop = next < end ? next : end;
            yield return new AvailabilitySlice(hour, category, stop - start);
            start = stop;
        }
    }

    /// <summary>Sums slices into totals (used by the stores and by tests).</summary>
    public static AvailabilityTotals Sum(IEnumerable<AvailabilitySlice> slices)
    {
        var byCategory = slices.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (a, s) => a + s.Duration));
        TimeSpan Of(TimeCategory c) => byCategory.GetValueOrDefault(c);
        return new AvailabilityTotals(Of(TimeCategory.Up), Of(TimeCategory.Degraded), Of(TimeCategory.Down),
            Of(TimeCategory.Maintenance), Of(TimeCategory.Unknown));
    }
}
