namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// A KPI whose value over a complete day or ISO week left its same-weekday baseline, with the series it was judged on
/// (for the chart) and the normal range (the values whose robust z stays within the threshold).
/// </summary>
/// <param name="Series">The points the judgement read, oldest first, the anomalous one last.</param>
/// <param name="Threshold">The |robust z| the point exceeded (<see cref="AnomalySettings.Threshold"/>).</param>
/// <param name="Denominator">The point's denominator (sessions, payment attempts …), null for a count or an amount.</param>
public sealed record KpiAnomaly(KpiDefinition Kpi, Period Period, Anomaly Anomaly, IReadOnlyList<SeriesPoint> Series, double Threshold,
    double? Denominator)
{
    /// <summary><c>day</c> or <c>week</c>: the metric label and the middle part of the mail key.</summary>
    public string Grain => GrainName(Period);

    /// <summary>The mail outbox key, <c>{kpi}:{day|week}:{period}</c> (2026-11-20 or 2026-W47): each anomaly is mailed once.</summary>
    public string Key => $"{Kpi.Id}:{Grain}:{Period.Label}";

    /// <summary>Half the width of the normal range: threshold × MAD ÷ 0.6745.</summary>
    public double BandHalfWidth => Threshold * Anomaly.Mad / 0.6745;

    /// <summary>The lowest value that would not have been flagged.</summary>
    public double BandLow => Anomaly.Expected - BandHalfWidth;

    /// <summary>The highest value that would not have been flagged.</summary>
    public double BandHigh => Anomaly.Expected + BandHalfWidth;

    /// <summary>actual − expected ÷ |expected|; null when the baseline is zero.</summary>
    public double? RelativeDeviation => Anomaly.Expected == 0 ? null : (Anomaly.Actual - Anomaly.Expected) / Math.Abs(Anomaly.Expected);

    /// <summary><c>day</c> for a day, <c>week</c> for an ISO week.</summary>
    public static string GrainName(Period period) => period.Kind == PeriodKind.Day ? "day" : "week";
}

/// <summary>What one scan of a day or week found: the KPIs that could be judged (had a value) and the anomalies among them.</summary>
public sealed record KpiAnomalyScan(Period Period, IReadOnlyList<string> Judged, IReadOnlyList<KpiAnomaly> Anomalies)
{
    /// <summary>−1 for a drop, +1 for a spike, 0 for a normal value, per judged KPI: the <c>shopmon_kpi_anomaly</c> gauge.</summary>
    public IEnumerable<(string Kpi, int Direction)> Directions => Judged.Select(id =>
        (id, Anomalies.FirstOrDefault(a => a.Kpi.Id == id) is { } a ? (a.Anomaly.Direction == AnomalyDirection.Drop ? -1 : 1) : 0));
}
