namespace Monitoring.Shop.Demo;

/// <summary>
/// Seeded random streams, one per concern, so adding a draw to one concern (sessions) leaves every other concern's
/// rows unchanged. <see cref="Random(int)"/> with a seed uses a fixed algorithm across .NET versions.
/// </summary>
internal static class DemoRandom
{
    public const int Accounts = 1, Contacts = 2, Addresses = 3, Catalog = 4, Tiers = 5, Stock = 6, Media = 7,
        Orders = 8, Lines = 9, Logistics = 10, Payments = 11, Sessions = 12, Aftersales = 13, Reviews = 14,
        Marketing = 15, Defects = 16, Names = 17;

    /// <summary>The stream of one concern; never <see cref="HashCode"/>, which changes per process.</summary>
    public static Random For(int seed, int concern) => new(unchecked(seed * 7919 + concern * 104_729));

    /// <summary>The Bogus seed of one concern, derived the same way.</summary>
    public static int SeedFor(int seed, int concern) => unchecked(seed * 7919 + concern * 104_729 + 17);

    /// <summary>Exactly <paramref name="count"/> distinct indexes below <paramref name="n"/>, chosen uniformly.</summary>
    public static bool[] Pick(Random rng, int n, int count, bool[]? excluded = null)
    {
        var candidates = Enumerable.Range(0, n).Where(i => excluded is null || !excluded[i]).ToArray();
        rng.Shuffle(candidates);
        var picked = new bool[n];
        foreach (var i in candidates.AsSpan(0, Math.Min(count, candidates.Length))) picked[i] = true;
        return picked;
    }

    /// <summary>An index drawn with the given weights.</summary>
    public static int Weighted(this Random rng, ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary>An item drawn with the weights of a table of (item, weight).</summary>
    public static T Weighted<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> table)
    {
        var total = 0.0;
        foreach (var (_, w) in table) total += w;
        var x = rng.NextDouble() * total;
        foreach (var (item, w) in table)
        {
            x -= w;
            if (x < 0) return item;
        }
        return table[^1].Item;
    }

    /// <summary>An index into a cumulative-weight array (ascending, last = total).</summary>
    public static int Cumulative(this Random rng, double[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static double Between(this Random rng, double min, double max) => min + rng.NextDouble() * (max - min);

    /// <summary>Log-uniform between two positive bounds: as many items at 5-10 € as at 50-100 €.</summary>
    public static double LogBetween(this Random rng, double min, double max) => Math.Exp(rng.Between(Math.Log(min), Math.Log(max)));

    /// <summary>A normal draw (Box-Muller).</summary>
    public static double Normal(this Random rng, double mean = 0, double sd = 1) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double LogNormal(this Random rng, double mu, double sigma) => Math.Exp(rng.Normal(mu, sigma));

    /// <summary>A Poisson draw (Knuth), for the small means used here.</summary>
    public static int Poisson(this Random rng, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = rng.NextDouble(); p > limit; p *= rng.NextDouble()) k++;
        return k;
    }

    /// <summary>A count with expectation <paramref name="expected"/>: its floor plus one with the fraction's chance.</summary>
    public static int RoundRandomly(this Random rng, double expected)
    {
        var floor = Math.Floor(expected);
        return (int)floor + (rng.NextDouble() < expected - floor ? 1 : 0);
    }

    /// <summary>Digits drawn for each <c>#</c> and capital letters for each <c>?</c> of a pattern.</summary>
    public static string Pattern(this Random rng, string pattern) => string.Create(pattern.Length, (rng, pattern), static (span, s) =>
    {
        for (var i = 0; i < span.Length; i++)
            span[i] = s.pattern[i] switch
            {
                '#' => (char)('0' + s.rng.Next(10)),
                '?' => (char)('A' + s.rng.Next(26)),
                var c => c,
            };
    });

    public static decimal Money(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
