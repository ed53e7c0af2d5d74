namespace Monitoring.Kpis.Families;

/// <summary>
/// Which segment dimensions each kind of fact exists for, so a KPI is only cut where its numerator and denominator
/// are cut the same way (sessions carry an acquisition channel and a country, but no product category).
/// </summary>
internal static class Cuts
{
    /// <summary>Sessions and the funnel: the session's channel and country.</summary>
    public static readonly IReadOnlySet<string> Sessions = Set(SegmentKey.AcquisitionChannel, SegmentKey.Country);

    /// <summary>Web orders ÷ sessions: only the country is the same thing on both sides.</summary>
    public static readonly IReadOnlySet<string> OrdersOverSessions = Set(SegmentKey.Country);

    /// <summary>Whole shop only.</summary>
    public static readonly IReadOnlySet<string> WholeShop = Set();

    /// <summary>Order-level amounts (shipping, discount, parcels) that a product category cannot split.</summary>
    public static readonly IReadOnlySet<string> OrderLevel = Set(SegmentKey.AccountSegment, SegmentKey.SalesChannel,
        SegmentKey.AcquisitionChannel, SegmentKey.Country, SegmentKey.CustomerType);

    /// <summary>Figures about accounts, cut by what an account has.</summary>
    public static readonly IReadOnlySet<string> Accounts = Set(SegmentKey.AccountSegment, SegmentKey.AcquisitionChannel, SegmentKey.Country);

    /// <summary>Tickets, NPS answers and reviews: known per account, not per order.</summary>
    public static readonly IReadOnlySet<string> Feedback = Set(SegmentKey.AccountSegment, SegmentKey.CustomerType);

    /// <summary>Marketing spend is only known per acquisition channel.</summary>
    public static readonly IReadOnlySet<string> Spend = Set(SegmentKey.AcquisitionChannel);

    /// <summary>Stock snapshots can be filtered by category.</summary>
    public static readonly IReadOnlySet<string> Stock = Set(SegmentKey.Category);

    private static HashSet<string> Set(params string[] dimensions) => new(dimensions, StringComparer.Ordinal);
}

/// <summary>Exclusion texts shared by several KPIs, so they read the same on every page.</summary>
internal static class Excluding
{
    public const string Synthetic = "synthetic sessions and orders (our own probes) excluded";
    public const string Orders = "cancelled and synthetic orders excluded; amounts excl. VAT, after discounts, excl. shipping charged, by order date";
    public const string Returns = "returns not deducted (see return_rate)";
}
