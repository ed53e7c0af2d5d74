namespace Monitoring.Kpis;

/// <summary>
/// One cut of the KPIs: a dimension and one of its values (<c>sales_channel=web</c>), or <see cref="All"/>. Dimensions are
/// few and low-cardinality because they become Prometheus labels (DESIGN.md decision 6).
/// </summary>
public readonly record struct SegmentKey(string Dimension, string Value)
{
    /// <summary>The whole shop: every order, session and account.</summary>
    public static readonly SegmentKey All = new("*", "*");

    /// <summary>Account typology (distributor, SME, large company …), from <c>account.segment</c>.</summary>
    public const string AccountSegment = "account_segment";

    /// <summary>
    /// Sales channel of the order (<c>order.channel</c>: web, phone, erp_direct, punchout, marketplace:…). Sessions
    /// have no sales channel: every session is on the web shop.
    /// </summary>
    public const string SalesChannel = "sales_channel";

    /// <summary>
    /// Acquisition channel (direct, organic, paid_search, email …): the session's <c>channel</c>, the spend's
    /// <c>channel</c>, and for orders and accounts the account's <c>acquisition_channel</c>.
    /// </summary>
    public const string AcquisitionChannel = "acquisition_channel";

    /// <summary>Delivery country of the order, country of the session.</summary>
    public const string Country = "country";

    /// <summary>Top-level category of the order line's product (the first part of <c>category_path</c>).</summary>
    public const string Category = "category";

    /// <summary><c>new</c> (account opened less than 365 days before the day) or <c>returning</c>.</summary>
    public const string CustomerType = "customer_type";

    /// <summary>The dimensions the rollup produces, besides <c>*</c>.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = [AccountSegment, SalesChannel, AcquisitionChannel, Country, Category, CustomerType];

    /// <summary>True for the whole-shop key.</summary>
    public bool IsAll => Dimension == "*";

    /// <summary><c>*</c> or <c>sales_channel=web</c>: the form used in targets and page addresses.</summary>
    public override string ToString() => IsAll ? "*" : $"{Dimension}={Value}";

    /// <summary>Reads <c>*</c> or <c>dimension=value</c>; null when the text is neither.</summary>
    public static SegmentKey? Parse(string text)
    {
        if (text.Trim() == "*") return All;
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? new SegmentKey(parts[0], parts[1]) : null;
    }
}
