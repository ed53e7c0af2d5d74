namespace Monitoring.Kpis.Anomalies;

/// <summary>
/// Flags the points of a daily or weekly KPI series that leave a robust baseline: the median and MAD of the same
/// weekday in the previous weeks (or of the previous weeks). Median and MAD rather than mean and standard deviation so
/// that last month's outage or peak does not widen the band and hide this week's; holidays and peak days are skipped
/// both as baseline and as candidates, because they are expected to differ.
/// </summary>
public static class AnomalyDetector
{
    /// <summary>Scales the MAD to a standard deviation for normal data (Iglewicz and Hoaglin).</summary>
    private const double MadToSigma = 0.6745;

    /// <summary>Every flagged point of the series, in date order.</summary>
    public static IReadOnlyList<Anomaly> Detect(IEnumerable<SeriesPoint> series, SeriesGrain grain = SeriesGrain.Day,
        BusinessCalendar? calendar = null, AnomalySettings? settings = null)
    {
        var cal = calendar ?? BusinessCalendar.None;
        var byDay = series.ToDictionary(p => p.Day);
        var anomalies = new List<Anomaly>();
        foreach (var point in byDay.Values.OrderBy(p => p.Day))
            if (Judge(point, byDay, grain, cal, settings ?? new AnomalySettings()) is { } anomaly)
                anomalies.Add(anomaly);
        return anomalies;
    }

    /// <summary>Judges one point against the earlier points of the series; null when it is normal or cannot be judged.</summary>
    public static Anomaly? Judge(SeriesPoint point, IReadOnlyDictionary<DateOnly, SeriesPoint> series, SeriesGrain grain,
        BusinessCalendar calendar, AnomalySettings settings)
    {
        if (IsSpecial(point.Day, grain, calendar)) return null;
        if (point.Denominator is { } denominator && denominator < settings.MinimumDenominator) return null;

        var baseline = Baseline(point.Day, series, grain, calendar, settings);
        if (baseline.Count < settings.MinimumBaselinePoints) return null;
        var median = Median(baseline);
        if (point.Denominator is null && Math.Abs(median) < settings.MinimumDenominator) return null;

        var mad = Math.Max(Median(baseline.Select(v => Math.Abs(v - median)).ToList()), settings.MadFloorShare * Math.Abs(median));
        // Eight points give a noisy MAD; for a proportion the point's own sampling noise is known, and a band narrower
        // than it would alert on chance (a day with 150 payment sessions moves 3 points either way at 20 %).
        // The share is smoothed by one event out of n + 2 (Laplace): at a usual 0 % the raw noise would be 0, and one
        // refusal out of 31 Sunday payments would be an infinitely unusual spike (seen in the demo).
        if (point.Denominator is > 0 and var n && median is >= 0 and <= 1)
        {
            var share = (median * n + 1) / (n + 2);
            mad = Math.Max(mad, MadToSigma * Math.Sqrt(share * (1 - share) / n));
        }
        if (mad == 0) mad = double.Epsilon; // all-zero baseline: any non-zero value is infinitely far
        var z = MadToSigma * (point.Value - median) / mad;
        if (Math.Abs(z) <= settings.Threshold) return null;
        return new Anomaly(point.Day, z < 0 ? AnomalyDirection.Drop : AnomalyDirection.Spike, point.Value, median, mad, z);
    }

    /// <summary>The values of up to N earlier same weekdays (7, 14 … days back), skipping special and missing days.</summary>
    private static List<double> Baseline(DateOnly day, IReadOnlyDictionary<DateOnly, SeriesPoint> series, SeriesGrain grain,
        BusinessCalendar calendar, AnomalySettings settings)
    {
        var values = new List<double>();
        // Look back at most twice as far as needed, so that a run of holidays or a gap in the data cannot reach far into the past.
        for (var back = 1; back <= 2 * settings.BaselinePoints && values.Count < settings.BaselinePoints; back++)
        {
            var earlier = day.AddDays(-7 * back);
            if (IsSpecial(earlier, grain, calendar) || !series.TryGetValue(earlier, out var p)) continue;
            if (p.Denominator is { } d && d < settings.MinimumDenominator) continue;
            values.Add(p.Value);
        }
        return values;
    }

    /// <summary>A day is special on its own; a week when any of its seven days is.</summary>
    private static bool IsSpecial(DateOnly day, SeriesGrain grain, BusinessCalendar calendar) =>
        grain == SeriesGrain.Day ? calendar.IsSpecial(day) : Enumerable.Range(0, 7).Any(i => calendar.IsSpecial(day.AddDays(i)));

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
