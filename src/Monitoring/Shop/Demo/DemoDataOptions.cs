namespace Monitoring.Shop.Demo;

/// <summary>
/// What the demo data covers. The same options always give exactly the same rows: nothing depends on the wall clock
/// or unseeded randomness, so <see cref="End"/> must come from the caller (its injected <see cref="TimeProvider"/>).
/// </summary>
public sealed record DemoDataOptions
{
    /// <summary>The seed of every random stream; a different seed gives a different but equally shaped shop.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The last day of history, in the shop's time zone (Europe/Paris).</summary>
    public required DateOnly End { get; init; }

    /// <summary>How many years of orders, sessions and spend end on <see cref="End"/>.</summary>
    public int Years { get; init; } = 2;

    /// <summary>Multiplies every volume (accounts, products, orders, sessions): 1.0 is the full shop, 0.05 a test's.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The most rows one <see cref="Import.EntityBatch"/> holds.</summary>
    public int BatchSize { get; init; } = 20_000;

    /// <summary>Where the media rows' URLs point: the demo shop's <c>/media</c> when the demo runs it (which serves
    /// those files), else a host that does not exist.</summary>
    public string MediaBaseUrl { get; init; } = DemoCatalog.MediaHost;

    /// <summary>The first day of history.</summary>
    public DateOnly Start => End.AddYears(-Years).AddDays(1);

    /// <summary>Throws on options no generation can honour (misconfiguration, not a data problem).</summary>
    public void Validate()
    {
        if (Years is < 1 or > 10) throw new ArgumentOutOfRangeException(nameof(Years), Years, "between 1 and 10");
        if (Scale is <= 0 or > 10 || double.IsNaN(Scale)) throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "above 0, at most 10");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "at least 1");
    }

    /// <summary>A full-scale volume scaled down, never below <paramref name="minimum"/>.</summary>
    internal int Scaled(int fullScale, int minimum = 1) => Math.Max(minimum, (int)Math.Round(fullScale * Scale));
}
