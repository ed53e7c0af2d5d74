using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Benchmarks;

/// <summary>
/// One scrape of /metrics, read into series (<c>name{labels}</c> → value), with the few reads the soak needs: a
/// gauge, a counter summed over its labels, and a histogram's cumulative buckets.
/// </summary>
public sealed partial class MetricsText
{
    private readonly Dictionary<string, double> _series = new(StringComparer.Ordinal);

    public MetricsText(string exposition)
    {
        foreach (Match m in SeriesLine().Matches(exposition))
            _series[m.Groups[1].Value] = double.Parse(m.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The value of one series (e.g. <c>shopmon_scheduler_jobs{state="enqueued"}</c>); null when absent.</summary>
    public double? Value(string series) => _series.TryGetValue(series, out var value) ? value : null;

    /// <summary>The sum of every series of the metric, whatever their labels (e.g. runs of every probe and result).</summary>
    public double Sum(string metric) =>
        _series.Where(s => s.Key == metric || s.Key.StartsWith(metric + "{", StringComparison.Ordinal)).Sum(s => s.Value);

    /// <summary>An unlabelled histogram's cumulative buckets, upper bound (+∞ last) → observations at or under it.</summary>
    public IReadOnlyList<(double UpperBound, double Count)> Buckets(string histogram)
    {
        var prefix = histogram + "_bucket{le=\"";
        return _series.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => (UpperBound: Bound(s.Key[prefix.Length..^2]), Count: s.Value))
            .OrderBy(b => b.UpperBound)
            .ToList();
    }

    /// <summary>The observations between two scrapes, bucket by bucket.</summary>
    public static IReadOnlyList<(double UpperBound, double Count)> Difference(
        IReadOnlyList<(double UpperBound, double Count)> later, IReadOnlyList<(double UpperBound, double Count)> earlier) =>
        later.Select(b => (b.UpperBound, b.Count - earlier.FirstOrDefault(e => e.UpperBound == b.UpperBound).Count)).ToList();

    /// <summary>
    /// The <paramref name="q"/> quantile as Prometheus's <c>histogram_quantile</c> estimates it: linear within the
    /// bucket holding the rank; in the +∞ bucket, the highest finite bound (the true value is above it). Null when empty.
    /// </summary>
    public static double? Quantile(IReadOnlyList<(double UpperBound, double Count)> buckets, double q)
    {
        if (buckets.Count == 0 || buckets[^1].Count <= 0) return null;
        var rank = q * buckets[^1].Count;
        double lower = 0, below = 0;
        foreach (var (upper, count) in buckets)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(upper)) return lower;
                return count == below ? upper : lower + (upper - lower) * (rank - below) / (count - below);
            }
            (lower, below) = (upper, count);
        }
        return lower;
    }

    private static double Bound(string text) =>
        text == "+Inf" ? double.PositiveInfinity : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$""", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}
