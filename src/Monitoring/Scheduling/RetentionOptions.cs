namespace Monitoring.Scheduling;

/// <summary>How long raw data is kept. Bound from the <c>Monitoring:Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Monitoring:Retention";

    /// <summary>Raw probe results older than this are deleted; the hourly availability rollups are kept.</summary>
    public TimeSpan ProbeResults { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Raw sessions older than this are deleted. 25 months by default: the CNIL's ceiling for audience-measurement data,
    /// and long enough for a year-on-year comparison of the same ISO week. Zero keeps them forever.
    /// </summary>
    public TimeSpan Sessions { get; set; } = TimeSpan.FromDays(761);

    /// <summary>Refused import rows older than this are deleted (their raw values may hold personal data). Zero keeps them.</summary>
    public TimeSpan Quarantine { get; set; } = TimeSpan.FromDays(90);
}
