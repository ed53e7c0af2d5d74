namespace Monitoring.Kpis;

/// <summary>The colour of a KPI against its target.</summary>
public enum Light
{
    /// <summary>No target, or no value to judge.</summary>
    Grey,
    /// <summary>Target met.</summary>
    Green,
    /// <summary>Close to the target, or moving towards it.</summary>
    Amber,
    /// <summary>Missed and not improving.</summary>
    Red,
}

/// <summary>
/// Judges a value against its target, respecting which way is good: green when met; amber when within the tolerance
/// (a share of the target, 5 % by default) or better than the previous period's value; red otherwise; grey without a
/// target or a value.
/// </summary>
public static class TrafficLight
{
    /// <summary>The default tolerance: 5 % of the target.</summary>
    public const decimal DefaultTolerance = 0.05m;

    /// <summary>The light for <paramref name="actual"/> against <paramref name="target"/>; <paramref name="previous"/> is the previous period's value.</summary>
    public static Light Judge(bool higherIsBetter, decimal? actual, decimal? target, decimal? previous = null, decimal tolerance = DefaultTolerance)
    {
        if (actual is not { } value || target is not { } goal) return Light.Grey;
        // Shortfall is how far the value is on the wrong side of the target; zero or less means met.
        var shortfall = higherIsBetter ? goal - value : value - goal;
        if (shortfall <= 0) return Light.Green;
        if (shortfall <= tolerance * Math.Abs(goal)) return Light.Amber;
        var improving = previous is { } before && (higherIsBetter ? value > before : value < before);
        return improving ? Light.Amber : Light.Red;
    }
}
