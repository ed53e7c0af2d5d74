namespace Monitoring.Quality.Digest;

/// <summary>
/// When the weekly data-quality digest goes out and how long its lists are. Bound from the
/// <c>Monitoring:Quality:Digest</c> configuration section; who receives it is in <c>checks/alerts.yaml</c> (the route
/// that takes the owning team's warnings).
/// </summary>
public sealed class QualityDigestOptions
{
    public const string Section = "Monitoring:Quality:Digest";

    /// <summary>Whether the job queues digests at all (the preview page works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The day of the week it is sent, in the shop's time zone (<c>time_zone</c> of monitoring.yaml).</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The local time of day it is sent.</summary>
    public TimeOnly Time { get; set; } = new(8, 0);

    /// <summary>How many findings each list shows (the counts are always complete).</summary>
    public int Top { get; set; } = 10;

    /// <summary>How many days of domain scores the trend chart shows.</summary>
    public int TrendDays { get; set; } = 56;
}
