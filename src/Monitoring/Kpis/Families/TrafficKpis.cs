namespace Monitoring.Kpis.Families;

/// <summary>Audience and traffic (requirements §1.3 A).</summary>
public static class TrafficKpis
{
    /// <summary>Sessions started in the period (K-03).</summary>
    public static readonly KpiDefinition Sessions = new("sessions", "Sessions", KpiUnit.Count, "",
        Excluding.Synthetic, HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Of(i.Sums.Sessions)) { Dimensions = Cuts.Sessions };

    /// <summary>
    /// Visitors (K-01) as the sum of daily distinct visitor ids: exact for a day, visitor-days for longer periods (a
    /// visitor of Monday and Tuesday counts twice in the week). Honest and additive; week-on-week changes stay comparable.
    /// </summary>
    public static readonly KpiDefinition Visitors = new("visitors", "Visitors (sum of daily distinct)", KpiUnit.Count, "",
        Excluding.Synthetic + "; a visitor seen on several days counts once per day", HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Of(i.Sums.Visitors)) { Dimensions = Cuts.Sessions };

    /// <summary>Single-page sessions ÷ sessions (K-06; the seed's "good" B2B value is under 40 %).</summary>
    public static readonly KpiDefinition BounceRate = new("bounce_rate", "Bounce rate", KpiUnit.Ratio, "sessions",
        Excluding.Synthetic, HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.BouncedSessions, i.Sums.Sessions)) { Dimensions = Cuts.Sessions };

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } = [Sessions, Visitors, BounceRate];
}
