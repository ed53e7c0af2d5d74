using Monitoring.Kpis.Churn;

namespace Monitoring.Kpis;

/// <summary>
/// Distinct-account figures of a period, which cannot be summed from days (an account ordering on Monday and Friday
/// is one ordering account of the week, not two). Computed from the accounts' order histories; for a segment, pass
/// the histories of that segment's accounts only.
/// </summary>
/// <param name="OrderingAccounts">Accounts with at least one counted order in the period.</param>
/// <param name="RepeatAccounts">Accounts with at least two counted orders in the period.</param>
/// <param name="ReturningAccounts">Ordering accounts that had ordered before the period started.</param>
/// <param name="OrdersLastYear">Orders in the 365 days ending with the period (purchase frequency's numerator).</param>
/// <param name="AccountsLastYear">Accounts with an order in those 365 days (its denominator).</param>
/// <param name="ActiveAtStart">Accounts not churned and with an order, on the eve of the period (attrition's denominator).</param>
/// <param name="ChurnedDuring">Of those, the accounts churned on the period's last day.</param>
public sealed record AccountCounts(
    long OrderingAccounts,
    long RepeatAccounts,
    long ReturningAccounts,
    long OrdersLastYear,
    long AccountsLastYear,
    long ActiveAtStart,
    long ChurnedDuring)
{
    /// <summary>Counts the accounts' figures for the period.</summary>
    public static AccountCounts For(IEnumerable<AccountHistory> accounts, Period period, ChurnSettings? churn = null)
    {
        long ordering = 0, repeat = 0, returning = 0, ordersYear = 0, accountsYear = 0, activeAtStart = 0, churned = 0;
        var yearStart = period.End.AddDays(-364);
        var eve = period.Start.AddDays(-1);
        foreach (var account in accounts)
        {
            var inPeriod = account.Orders.Count(o => period.Contains(o.Day));
            if (inPeriod >= 1) ordering++;
            if (inPeriod >= 2) repeat++;
            if (inPeriod >= 1 && account.Orders.Any(o => o.Day < period.Start)) returning++;

            var inYear = account.Orders.Count(o => o.Day >= yearStart && o.Day <= period.End);
            ordersYear += inYear;
            if (inYear > 0) accountsYear++;

            var atStart = ChurnClassifier.Classify(account, eve, churn).Status;
            if (atStart is ChurnStatus.NoOrders or ChurnStatus.Churned) continue;
            activeAtStart++;
            if (ChurnClassifier.Classify(account, period.End, churn).Status == ChurnStatus.Churned) churned++;
        }
        return new AccountCounts(ordering, repeat, returning, ordersYear, accountsYear, activeAtStart, churned);
    }
}
