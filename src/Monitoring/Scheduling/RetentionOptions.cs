namespace Monitoring.Scheduling;

/// <summary>How long raw data is kept. Bound from the <c>Monitoring:Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Monitoring:Retention";

    /// <summary>Raw probe results older than this are deleted; the hourly availability rollups are kept.</summary>
    public TimeSpan ProbeResults { get; set; } = TimeSpan.FromDays(30);
}
