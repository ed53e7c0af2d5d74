namespace Monitoring.Kpis.Families;

/// <summary>Conversion and funnel (requirements §1.3 B), and payment refusals (K-13a).</summary>
public static class ConversionKpis
{
    /// <summary>Web orders ÷ sessions, the seed's definition (K-09): orders from other channels have no session.</summary>
    public static readonly KpiDefinition ConversionRate = new("conversion_rate", "Conversion rate", KpiUnit.Ratio, "sessions",
        "web orders only (ERP, phone, punch-out and marketplace orders have no session); " + Excluding.Orders,
        HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.WebOrders, i.Sums.Sessions)) { Dimensions = Cuts.OrdersOverSessions };

    /// <summary>Web orders ÷ signed-in sessions: the B2B variant, since most web orders need an account (K-09).</summary>
    public static readonly KpiDefinition SignedInConversionRate = new("signed_in_conversion_rate", "Signed-in conversion rate",
        KpiUnit.Ratio, "signed-in sessions", "web orders only; " + Excluding.Orders, HigherIsBetter: true, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.WebOrders, i.Sums.SignedInSessions)) { Dimensions = Cuts.OrdersOverSessions };

    /// <summary>
    /// Sessions that reached the cart but not the order ÷ sessions that reached the cart (K-11), per session: a cart
    /// finished in a later session counts as abandoned here, which overstates B2B abandonment somewhat.
    /// </summary>
    public static readonly KpiDefinition CartAbandonmentRate = new("cart_abandonment_rate", "Cart abandonment rate", KpiUnit.Ratio,
        "sessions that reached the cart", Excluding.Synthetic + "; per session (no cross-session cart window)",
        HigherIsBetter: false, KpiAudience.Managers,
        i => KpiValue.Ratio(i.Sums.CartStepSessions - i.Sums.OrderStepSessions, i.Sums.CartStepSessions)) { Dimensions = Cuts.Sessions };

    /// <summary>Sessions that reached payment but not the order ÷ sessions that reached payment (K-12): a technical-fault signal.</summary>
    public static readonly KpiDefinition PaymentAbandonmentRate = new("payment_abandonment_rate", "Abandonment at the payment step",
        KpiUnit.Ratio, "sessions that reached the payment step", Excluding.Synthetic, HigherIsBetter: false, KpiAudience.Ops,
        i => KpiValue.Ratio(i.Sums.PaymentStepSessions - i.Sums.OrderStepSessions, i.Sums.PaymentStepSessions)) { Dimensions = Cuts.Sessions };

    /// <summary>Refused or failed payment attempts ÷ payment attempts (K-13a).</summary>
    public static readonly KpiDefinition PaymentRefusalRate = new("payment_refusal_rate", "Payment refusal rate", KpiUnit.Ratio,
        "payment attempts", "attempts of synthetic orders excluded; status error counts as a refusal", HigherIsBetter: false, KpiAudience.Ops,
        i => KpiValue.Ratio(i.Sums.PaymentRefusals, i.Sums.PaymentAttempts)) { Dimensions = Cuts.WholeShop };

    /// <summary>The family, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
        [ConversionRate, SignedInConversionRate, CartAbandonmentRate, PaymentAbandonmentRate, PaymentRefusalRate];
}
