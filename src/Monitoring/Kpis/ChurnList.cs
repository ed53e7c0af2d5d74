using Monitoring.Kpis.Churn;
using Monitoring.Storage;

namespace Monitoring.Kpis;

/// <summary>One account of the churn list: who, whose customer, where it stands and why.</summary>
public sealed record ChurnListEntry(AccountCard Account, ChurnAssessment Assessment, bool NewThisWeek);

/// <summary>
/// The sales reps' list for the week: accounts at risk or contracting today, and accounts that churned during the last
/// seven days (the ones churned long ago are the attrition figure, not a task), largest revenue at stake first.
/// </summary>
public sealed class ChurnList(SqlAccountHistories histories, Checks.ActiveChecks checks, TimeProvider time)
{
    public Task<IReadOnlyList<ChurnListEntry>> ForTodayAsync(CancellationToken cancellationToken) =>
        ForDayAsync(ShopDays.Of(checks.Current).DayOf(time.GetUtcNow()), cancellationToken);

    /// <summary>The list as it stood on <paramref name="today"/> (the weekly report's is the one of the week's last day).</summary>
    public async Task<IReadOnlyList<ChurnListEntry>> ForDayAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var days = ShopDays.Of(checks.Current);
        var (all, accounts) = await histories.LoadAsync(days, cancellationToken);
        var entries = new List<ChurnListEntry>();
        foreach (var history in all)
        {
            var now = ChurnClassifier.Classify(history, today);
            var weekAgo = ChurnClassifier.Classify(history, today.AddDays(-7));
            var keep = now.Status is ChurnStatus.AtRisk or ChurnStatus.Contracting ||
                       (now.Status == ChurnStatus.Churned && weekAgo.Status != ChurnStatus.Churned);
            if (!keep) continue;
            var card = accounts.GetValueOrDefault(history.AccountId) ?? new AccountCard(history.AccountId, null, null, null);
            entries.Add(new ChurnListEntry(card, now, now.Status != weekAgo.Status));
        }
        return entries
            .OrderBy(e => e.Account.SalesRep ?? "\uffff", StringComparer.Ordinal)
            .ThenByDescending(e => Math.Max(e.Assessment.RevenueYearEarlier90, e.Assessment.RevenueLast90))
            .ToList();
    }
}
