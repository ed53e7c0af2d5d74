namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// How the same-weekday baseline judges a point (research §1.11: Iglewicz-Hoaglin robust z over the same weekday of
/// the last eight weeks).
/// </summary>
public sealed record AnomalySettings
{
    /// <summary>How many earlier same weekdays (or weeks) form the baseline.</summary>
    public int BaselinePoints { get; init; } = 8;
    /// <summary>Fewer usable baseline points than this (after skipping special and missing days) and the point is not judged.</summary>
    public int MinimumBaselinePoints { get; init; } = 4;
    /// <summary>|robust z| above this is an anomaly (Iglewicz and Hoaglin's 3.5).</summary>
    public double Threshold { get; init; } = 3.5;
    /// <summary>
    /// The MAD is never taken below this share of the median: a very steady baseline (MAD near 0) would otherwise turn
    /// a 2 % wobble into an alert. For a proportion with a denominator it is also never below the binomial sampling
    /// noise of the point (0.6745 × √(p(1 − p) ÷ n)).
    /// </summary>
    public double MadFloorShare { get; init; } = 0.05;
    /// <summary>
    /// Below this the point is not judged: for a ratio, the point's own denominator (20 sessions at the payment step,
    /// say); for a count, the baseline median (a shop with 3 orders on Sundays does not alert on a Sunday with none).
    /// </summary>
    public double MinimumDenominator { get; init; } = 20;
}

/// <summary>The series the detector reads: a day, or a week keyed by its Monday.</summary>
public enum SeriesGrain
{
    /// <summary>One point per day; the baseline is the same weekday of earlier weeks.</summary>
    Day,
    /// <summary>One point per ISO week, dated on its Monday; the baseline is the earlier weeks.</summary>
    Week,
}

/// <summary>One point of a KPI series: its value and, for a ratio, the denominator it rests on (null for a count or an amount).</summary>
public readonly record struct SeriesPoint(DateOnly Day, double Value, double? Denominator = null);

/// <summary>Which way the point left its baseline.</summary>
public enum AnomalyDirection
{
    /// <summary>Below the baseline.</summary>
    Drop,
    /// <summary>Above the baseline.</summary>
    Spike,
}

/// <summary>A point the detector flagged, with what was expected and by how much it differs.</summary>
/// <param name="Expected">The baseline median.</param>
/// <param name="Mad">The baseline's median absolute deviation, after the floor.</param>
/// <param name="RobustZ">0.6745 × (actual − expected) ÷ MAD.</param>
public sealed record Anomaly(DateOnly Day, AnomalyDirection Direction, double Actual, double Expected, double Mad, double RobustZ);
