namespace DemoShop.Faults;

/// <summary>
/// The faults in force, changeable at runtime from any thread: readers see one whole <see cref="FaultSpec"/> at a
/// time (the reference is swapped, never mutated). Pass one in <see cref="DemoShopOptions.Faults"/> to keep a handle.
/// </summary>
public sealed class FaultSettings(FaultSpec? initial = null)
{
    private FaultSpec _current = Validated(initial ?? FaultSpec.None);

    public FaultSpec Current => Volatile.Read(ref _current);

    /// <summary>Replaces the faults in force (an empty spec clears them all). Throws on an invalid spec.</summary>
    public void Set(FaultSpec spec) => Volatile.Write(ref _current, Validated(spec));

    public void Clear() => Set(FaultSpec.None);

    /// <summary>The status a request of these steps must answer instead of its page, if any.</summary>
    public int? FailureFor(IReadOnlyList<string> steps)
    {
        var spec = Current;
        return spec.EffectiveStatus is { } status && steps.Contains(spec.Step!) ? status : null;
    }

    /// <summary>The delay before answering a request of these steps.</summary>
    public TimeSpan DelayFor(IReadOnlyList<string> steps)
    {
        var spec = Current;
        return spec.SlowMs is { } ms && (spec.Step is null || steps.Contains(spec.Step)) ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;
    }

    public bool IsPaymentMethodAvailable(string code) => Current.MissingPaymentMethod != code;

    /// <summary>The factor shown product prices are multiplied by (1 unless the wrong-price fault is on).</summary>
    public decimal PriceFactor => Current.EffectivePriceFactor;

    private static FaultSpec Validated(FaultSpec spec) =>
        spec.Problem() is { } problem ? throw new ArgumentException($"Invalid demo shop fault: {problem}", nameof(spec)) : spec;
}
