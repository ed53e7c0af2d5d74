namespace Monitoring.Kpis.Churn;

/// <summary>
/// The thresholds of the cadence-based churn rules (research/data-quality-and-kpis.md §4.1). The defaults are the
/// research's: at risk beyond 1.5 × the usual gap, churned beyond 3 × (at least 60 days), always churned after a year.
/// </summary>
public sealed record ChurnSettings
{
    /// <summary>Silence beyond this multiple of the usual gap (or the account's own P90 gap, if larger) is at risk.</summary>
    public double AtRiskMultiple { get; init; } = 1.5;
    /// <summary>Silence beyond this multiple of the usual gap is churned.</summary>
    public double ChurnedMultiple { get; init; } = 3.0;
    /// <summary>Never churned before this many days of silence, however frequent the account.</summary>
    public int MinimumChurnDays { get; init; } = 60;
    /// <summary>Always churned after this many days of silence, however rare the account.</summary>
    public int AlwaysChurnedAfterDays { get; init; } = 365;
    /// <summary>The window compared with the one before it for basket and frequency.</summary>
    public int WindowDays { get; init; } = 90;
    /// <summary>The basket is falling when the last window's mean is below (1 − this) × the window before's.</summary>
    public decimal BasketDropShare { get; init; } = 0.3m;
    /// <summary>Frequency is falling when the last window's orders are below (1 − this) × the window before's.</summary>
    public double FrequencyDropShare { get; init; } = 0.5;
    /// <summary>Orders needed in the window before for a basket or frequency trend to mean anything.</summary>
    public int MinimumOrdersForTrend { get; init; } = 2;
    /// <summary>Contracting when the last window's revenue is below this share of the same window a year earlier.</summary>
    public decimal ContractingShare { get; init; } = 0.5m;
    /// <summary>Only gaps within this many days before the day count (research: 24 months).</summary>
    public int GapHistoryDays { get; init; } = 730;
    /// <summary>At most this many most recent gaps count.</summary>
    public int MaxGaps { get; init; } = 50;
    /// <summary>
    /// The usual gap of the account's peers (segment × size × main category), or null. When given, an account's gap is
    /// shrunk towards it with <see cref="PseudoGaps"/> pseudo-gaps, so an account with two orders is not judged on one gap.
    /// </summary>
    public double? SegmentGapDays { get; init; }
    /// <summary>Weight of the segment's gap, in gaps.</summary>
    public int PseudoGaps { get; init; } = 3;
    /// <summary>The usual gap assumed for an account with a single order and no segment gap.</summary>
    public double DefaultGapDays { get; init; } = 90;
}
