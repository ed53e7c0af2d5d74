namespace Monitoring.Kpis;

/// <summary>
/// Order values of a day (or of any span of days) in logarithmic buckets 1 % wide, so that the median basket of a
/// week, a month or twelve months is a sum of daily histograms rather than a re-read of every order. The estimate
/// is the geometric middle of the bucket holding the median, within 0.5 % of the true value; a year of daily
/// histograms stays a few thousand numbers whatever the order count.
/// </summary>
public sealed class BasketHistogram
{
    /// <summary>The growth from one bucket's lower bound to the next: 1 %.</summary>
    public const double Growth = 1.01;

    /// <summary>The bucket of zero and negative values (free replacement orders, credit-only orders).</summary>
    public const int ZeroBucket = int.MinValue;

    private static readonly double LogGrowth = Math.Log(Growth);

    /// <summary>A histogram with no orders.</summary>
    public static readonly BasketHistogram Empty = new(new SortedList<int, long>());

    // A sorted list (two arrays) rather than a tree: a full recompute builds one histogram per order cell (24,820 at
    // the benchmark's full size, up to hundreds of buckets each), and tree nodes made most of that work.
    private readonly SortedList<int, long> counts;

    private BasketHistogram(SortedList<int, long> counts) => this.counts = counts;

    /// <summary>Orders per bucket index, ascending; the index of a value is <see cref="BucketOf"/>.</summary>
    public IReadOnlyDictionary<int, long> Counts => counts;

    /// <summary>How many order values the histogram holds.</summary>
    public long Total => counts.Values.Sum();

    /// <summary>The bucket a value falls in: ⌊ln v ÷ ln 1.01⌋, or <see cref="ZeroBucket"/> for v ≤ 0.</summary>
    public static int BucketOf(decimal value) =>
        value <= 0 ? ZeroBucket : (int)Math.Floor(Math.Log((double)value) / LogGrowth);

    /// <summary>The histogram of these order values.</summary>
    public static BasketHistogram Of(IEnumerable<decimal> values)
    {
        var counts = new Dictionary<int, long>();
        foreach (var value in values)
        {
            var bucket = BucketOf(value);
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }
        return FromCounts(counts);
    }

    /// <summary>A histogram from bucket counts computed elsewhere (a bucket may come more than once: its counts add).</summary>
    public static BasketHistogram FromCounts(IEnumerable<KeyValuePair<int, long>> bucketCounts)
    {
        var pairs = bucketCounts.Where(c => c.Value > 0).ToArray();
        Array.Sort(pairs, (a, b) => a.Key.CompareTo(b.Key));
        var counts = new SortedList<int, long>(pairs.Length);
        foreach (var (bucket, count) in pairs)
        {
            // In ascending order each bucket is added at the end, or is the last one again.
            if (counts.Count > 0 && counts.Keys[^1] == bucket) counts.SetValueAtIndex(counts.Count - 1, counts.Values[^1] + count);
            else counts.Add(bucket, count);
        }
        return new BasketHistogram(counts);
    }

    /// <summary>The histogram of both spans' orders.</summary>
    public static BasketHistogram operator +(BasketHistogram a, BasketHistogram b)
    {
        if (b.counts.Count == 0) return a;
        if (a.counts.Count == 0) return b;
        return FromCounts(a.counts.Concat(b.counts));
    }

    /// <summary>The median order value, or null without orders.</summary>
    public decimal? Median => Quantile(0.5);

    /// <summary>
    /// The q-quantile (0 &lt; q ≤ 1) as the geometric middle of the bucket holding the order of rank ⌈q·n⌉, or null
    /// without orders. Zero-value orders report 0.
    /// </summary>
    public decimal? Quantile(double q)
    {
        var total = Total;
        if (total == 0) return null;
        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        foreach (var (bucket, count) in counts)
        {
            seen += count;
            if (seen >= rank)
                return bucket == ZeroBucket ? 0m : Math.Round((decimal)Math.Pow(Growth, bucket + 0.5), 2);
        }
        return null;
    }
}
