namespace Monitoring.Kpis.Churn;

/// <summary>One counted order of an account (not cancelled, not synthetic): its shop-time day and net value excl. VAT.</summary>
public readonly record struct AccountOrder(DateOnly Day, decimal Value);

/// <summary>The counted orders of one account, in any order; the churn rules and the account counts read it.</summary>
public sealed record AccountHistory(string AccountId, IReadOnlyList<AccountOrder> Orders);

/// <summary>Where an account stands on a given day.</summary>
public enum ChurnStatus
{
    /// <summary>No order yet on that day: not a customer.</summary>
    NoOrders,
    /// <summary>Ordering on its usual cadence.</summary>
    Active,
    /// <summary>Silent for longer than usual, or buying smaller or less often: a task for the account manager.</summary>
    AtRisk,
    /// <summary>On cadence, but buying less than half what it bought in the same 90 days a year earlier.</summary>
    Contracting,
    /// <summary>Silent far beyond its usual gap (or for a year): lost unless won back.</summary>
    Churned,
}

/// <summary>Why the account has its status.</summary>
public enum ChurnReason
{
    /// <summary>No order on or before the day.</summary>
    NoOrders,
    /// <summary>Ordering within its usual gap, no fall in basket or frequency.</summary>
    OnCadence,
    /// <summary>Days silent beyond the at-risk or churn threshold.</summary>
    Silent,
    /// <summary>Average basket of the last 90 days fell against the 90 before.</summary>
    BasketFalling,
    /// <summary>Orders of the last 90 days fell against the 90 before.</summary>
    FrequencyFalling,
    /// <summary>Revenue of the last 90 days fell against the same 90 days a year earlier.</summary>
    RevenueContracting,
}

/// <summary>
/// An account's status on a day with the figures behind it, so the sales team can see why (requirements K-32:
/// "pour en connaître les raisons").
/// </summary>
/// <param name="UsualGapDays">Expected days between orders (own median gap, shrunk towards the segment's when given).</param>
/// <param name="AtRiskAfterDays">Silence beyond this is at risk.</param>
/// <param name="ChurnedAfterDays">Silence beyond this is churned.</param>
/// <param name="DaysSilent">Days since the last order.</param>
/// <param name="BasketBefore">Mean order value in the 90 days before the last 90, or null without orders there.</param>
/// <param name="BasketAfter">Mean order value in the last 90 days, or null without orders there.</param>
public sealed record ChurnAssessment(
    string AccountId,
    ChurnStatus Status,
    ChurnReason Reason,
    double? UsualGapDays,
    double? AtRiskAfterDays,
    double? ChurnedAfterDays,
    int? DaysSilent,
    decimal? BasketBefore,
    decimal? BasketAfter,
    int OrdersBefore,
    int OrdersAfter,
    decimal RevenueLast90,
    decimal RevenueYearEarlier90)
{
    /// <summary>One line for a work list: the status, the reason and its figures.</summary>
    public string Describe() => Reason switch
    {
        ChurnReason.NoOrders => "no order yet",
        ChurnReason.Silent => $"{DaysSilent} days without an order; usually {UsualGapDays:0} days between orders",
        ChurnReason.BasketFalling => $"average basket {BasketAfter:0.00} in the last 90 days against {BasketBefore:0.00} in the 90 before",
        ChurnReason.FrequencyFalling => $"{OrdersAfter} orders in the last 90 days against {OrdersBefore} in the 90 before",
        ChurnReason.RevenueContracting => $"revenue {RevenueLast90:0.00} in the last 90 days against {RevenueYearEarlier90:0.00} a year earlier",
        _ => $"last order {DaysSilent} days ago; usually {UsualGapDays:0} days between orders",
    };
}
