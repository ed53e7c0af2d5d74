namespace Monitoring.Kpis;

/// <summary>
/// The additive sums every KPI is computed from, for one day and one segment or for any span of days: counts and
/// amounts only, never ratios, so that a week is the sum of its days. Money is excluding VAT in the reporting
/// currency. Synthetic orders and sessions (our own probes) are never counted. Two fields are daily distinct counts
/// (<see cref="Visitors"/>, <see cref="OrderingAccounts"/>): summed over days they count visitor-days and
/// account-days, an upper bound of the period's distinct figure; <see cref="AccountCounts"/> carries exact ones.
/// </summary>
public sealed record FactSums
{
    /// <summary>No activity.</summary>
    public static readonly FactSums Zero = new();

    // Traffic (sessions by started_at day).
    /// <summary>Sessions started.</summary>
    public long Sessions { get; init; }
    /// <summary>Distinct visitor ids of the day; summed over days: visitor-days.</summary>
    public long Visitors { get; init; }
    /// <summary>Sessions of one page.</summary>
    public long BouncedSessions { get; init; }
    /// <summary>Sessions with an account (the visitor was signed in).</summary>
    public long SignedInSessions { get; init; }
    /// <summary>Sessions whose furthest step is product or beyond.</summary>
    public long ProductStepSessions { get; init; }
    /// <summary>Sessions whose furthest step is cart or beyond.</summary>
    public long CartStepSessions { get; init; }
    /// <summary>Sessions whose furthest step is checkout or beyond.</summary>
    public long CheckoutStepSessions { get; init; }
    /// <summary>Sessions whose furthest step is payment or beyond.</summary>
    public long PaymentStepSessions { get; init; }
    /// <summary>Sessions whose furthest step is order.</summary>
    public long OrderStepSessions { get; init; }

    // Payment attempts (by attempted_at day).
    /// <summary>Payment attempts.</summary>
    public long PaymentAttempts { get; init; }
    /// <summary>Attempts with status refused or error.</summary>
    public long PaymentRefusals { get; init; }
    /// <summary>Σ fee of the attempts.</summary>
    public decimal PaymentFees { get; init; }

    // Orders (by placed_at day; "counted" = not cancelled, not synthetic).
    /// <summary>Counted orders, every channel.</summary>
    public long Orders { get; init; }
    /// <summary>Counted orders of channel web (the numerator of conversion: other channels have no session).</summary>
    public long WebOrders { get; init; }
    /// <summary>Cancelled orders (not synthetic), by the day they were placed.</summary>
    public long CancelledOrders { get; init; }
    /// <summary>Lines of counted orders.</summary>
    public long OrderLines { get; init; }
    /// <summary>Σ quantity of the lines of counted orders.</summary>
    public decimal UnitsSold { get; init; }
    /// <summary>Σ line amount of counted orders: after discounts, excl. VAT, excl. shipping charged.</summary>
    public decimal NetRevenue { get; init; }
    /// <summary>Σ quantity × unit cost of the lines of counted orders (the cost captured on the line).</summary>
    public decimal CostOfGoods { get; init; }
    /// <summary>Σ discount of counted orders.</summary>
    public decimal Discount { get; init; }
    /// <summary>Σ shipping charged to the customer on counted orders.</summary>
    public decimal ShippingCharged { get; init; }
    /// <summary>Counted orders of accounts opened less than 365 days before the order day.</summary>
    public long NewAccountOrders { get; init; }
    /// <summary>Net revenue of those orders.</summary>
    public decimal NewAccountRevenue { get; init; }
    /// <summary>Counted orders of the other accounts.</summary>
    public long ReturningAccountOrders { get; init; }
    /// <summary>Net revenue of those orders.</summary>
    public decimal ReturningAccountRevenue { get; init; }
    /// <summary>Distinct accounts with a counted order that day; summed over days: account-days.</summary>
    public long OrderingAccounts { get; init; }
    /// <summary>Net revenue of each counted order, for the median basket.</summary>
    public BasketHistogram Baskets { get; init; } = BasketHistogram.Empty;

    // Returns (by returned_at day).
    /// <summary>Return rows.</summary>
    public long ReturnLines { get; init; }
    /// <summary>Σ quantity returned.</summary>
    public decimal ReturnedUnits { get; init; }
    /// <summary>Σ refund amount, excl. VAT.</summary>
    public decimal ReturnsAmount { get; init; }

    // Shipments: sent by shipped_at day, delivered by delivered_at day.
    /// <summary>Parcels shipped.</summary>
    public long Shipments { get; init; }
    /// <summary>Σ carrier cost of the parcels shipped.</summary>
    public decimal ShippingCost { get; init; }
    /// <summary>Parcels delivered.</summary>
    public long DeliveredShipments { get; init; }
    /// <summary>Delivered parcels whose delivery days are at most their promised days.</summary>
    public long OnTimeDeliveries { get; init; }
    /// <summary>Σ delivery days of the delivered parcels: shop-time date delivered − date the order was placed.</summary>
    public long DeliveryDaysTotal { get; init; }

    // Service (tickets by created_at, reviews by answered_at).
    /// <summary>Support tickets opened.</summary>
    public long Tickets { get; init; }
    /// <summary>NPS answers of 9 or 10.</summary>
    public long NpsPromoters { get; init; }
    /// <summary>NPS answers of 7 or 8.</summary>
    public long NpsPassives { get; init; }
    /// <summary>NPS answers of 0 to 6.</summary>
    public long NpsDetractors { get; init; }
    /// <summary>Σ score of product reviews (1 to 5).</summary>
    public long ReviewScoreSum { get; init; }
    /// <summary>Product reviews.</summary>
    public long ReviewCount { get; init; }

    // Acquisition.
    /// <summary>Σ marketing spend (by channel; only the * and channel segments have it).</summary>
    public decimal MarketingSpend { get; init; }
    /// <summary>Accounts opened that day.</summary>
    public long NewAccounts { get; init; }

    /// <summary>Field by field sum; a test checks that no field is forgotten here.</summary>
    public static FactSums operator +(FactSums a, FactSums b) => new()
    {
        Sessions = a.Sessions + b.Sessions,
        Visitors = a.Visitors + b.Visitors,
        BouncedSessions = a.BouncedSessions + b.BouncedSessions,
        SignedInSessions = a.SignedInSessions + b.SignedInSessions,
        ProductStepSessions = a.ProductStepSessions + b.ProductStepSessions,
        CartStepSessions = a.CartStepSessions + b.CartStepSessions,
        CheckoutStepSessions = a.CheckoutStepSessions + b.CheckoutStepSessions,
        PaymentStepSessions = a.PaymentStepSessions + b.PaymentStepSessions,
        OrderStepSessions = a.OrderStepSessions + b.OrderStepSessions,
        PaymentAttempts = a.PaymentAttempts + b.PaymentAttempts,
        PaymentRefusals = a.PaymentRefusals + b.PaymentRefusals,
        PaymentFees = a.PaymentFees + b.PaymentFees,
        Orders = a.Orders + b.Orders,
        WebOrders = a.WebOrders + b.WebOrders,
        CancelledOrders = a.CancelledOrders + b.CancelledOrders,
        OrderLines = a.OrderLines + b.OrderLines,
        UnitsSold = a.UnitsSold + b.UnitsSold,
        NetRevenue = a.NetRevenue + b.NetRevenue,
        CostOfGoods = a.CostOfGoods + b.CostOfGoods,
        Discount = a.Discount + b.Discount,
        ShippingCharged = a.ShippingCharged + b.ShippingCharged,
        NewAccountOrders = a.NewAccountOrders + b.NewAccountOrders,
        NewAccountRevenue = a.NewAccountRevenue + b.NewAccountRevenue,
        ReturningAccountOrders = a.ReturningAccountOrders + b.ReturningAccountOrders,
        ReturningAccountRevenue = a.ReturningAccountRevenue + b.ReturningAccountRevenue,
        OrderingAccounts = a.OrderingAccounts + b.OrderingAccounts,
        Baskets = a.Baskets + b.Baskets,
        ReturnLines = a.ReturnLines + b.ReturnLines,
        ReturnedUnits = a.ReturnedUnits + b.ReturnedUnits,
        ReturnsAmount = a.ReturnsAmount + b.ReturnsAmount,
        Shipments = a.Shipments + b.Shipments,
        ShippingCost = a.ShippingCost + b.ShippingCost,
        DeliveredShipments = a.DeliveredShipments + b.DeliveredShipments,
        OnTimeDeliveries = a.OnTimeDeliveries + b.OnTimeDeliveries,
        DeliveryDaysTotal = a.DeliveryDaysTotal + b.DeliveryDaysTotal,
        Tickets = a.Tickets + b.Tickets,
        NpsPromoters = a.NpsPromoters + b.NpsPromoters,
        NpsPassives = a.NpsPassives + b.NpsPassives,
        NpsDetractors = a.NpsDetractors + b.NpsDetractors,
        ReviewScoreSum = a.ReviewScoreSum + b.ReviewScoreSum,
        ReviewCount = a.ReviewCount + b.ReviewCount,
        MarketingSpend = a.MarketingSpend + b.MarketingSpend,
        NewAccounts = a.NewAccounts + b.NewAccounts,
    };

    /// <summary>The sum of all these sums (<see cref="Zero"/> for none).</summary>
    public static FactSums Sum(IEnumerable<FactSums> sums) => sums.Aggregate(Zero, (total, day) => total + day);
}
