namespace Monitoring.Kpis.Churn;

/// <summary>
/// Classifies an account on a day from its own ordering cadence (research §4.1): a fixed "no order in 90 days" rule
/// calls a weekly buyer fine after eleven silent weeks and a quarterly buyer lost after a normal quarter, so every
/// threshold here is a multiple of the account's usual gap. Only orders on or before the day are read.
/// </summary>
public static class ChurnClassifier
{
    /// <summary>The account's status on <paramref name="day"/>, with the reason and the figures.</summary>
    public static ChurnAssessment Classify(AccountHistory account, DateOnly day, ChurnSettings? settings = null)
    {
        var s = settings ?? new ChurnSettings();
        var orders = account.Orders.Where(o => o.Day <= day).OrderBy(o => o.Day).ToList();
        if (orders.Count == 0)
            return new ChurnAssessment(account.AccountId, ChurnStatus.NoOrders, ChurnReason.NoOrders, null, null, null, null, null, null, 0, 0, 0, 0);

        var usualGap = UsualGap(orders, day, s, out var p90Gap);
        var atRiskAfter = Math.Max(s.AtRiskMultiple * usualGap, p90Gap ?? 0);
        // The churn threshold is never below the at-risk one, whatever the dispersion of the gaps.
        var churnedAfter = Math.Max(Math.Max(s.ChurnedMultiple * usualGap, s.MinimumChurnDays), atRiskAfter);
        var silent = day.DayNumber - orders[^1].Day.DayNumber;

        var after = Window(orders, day, 0, s.WindowDays);
        var before = Window(orders, day, s.WindowDays, s.WindowDays);
        var yearEarlier = Window(orders, day, 365, s.WindowDays);
        decimal? basketBefore = before.Count > 0 ? before.Average(o => o.Value) : null;
        decimal? basketAfter = after.Count > 0 ? after.Average(o => o.Value) : null;

        var (status, reason) = Decide();
        return new ChurnAssessment(account.AccountId, status, reason, usualGap, atRiskAfter, churnedAfter, silent,
            basketBefore, basketAfter, before.Count, after.Count, after.Sum(o => o.Value), yearEarlier.Sum(o => o.Value));

        (ChurnStatus, ChurnReason) Decide()
        {
            if (silent > churnedAfter || silent > s.AlwaysChurnedAfterDays) return (ChurnStatus.Churned, ChurnReason.Silent);
            if (silent > atRiskAfter) return (ChurnStatus.AtRisk, ChurnReason.Silent);
            var trend = before.Count >= s.MinimumOrdersForTrend;
            if (trend && basketAfter < (1 - s.BasketDropShare) * basketBefore) return (ChurnStatus.AtRisk, ChurnReason.BasketFalling);
            if (trend && after.Count < (1 - s.FrequencyDropShare) * before.Count) return (ChurnStatus.AtRisk, ChurnReason.FrequencyFalling);
            if (yearEarlier.Count >= 2 && after.Sum(o => o.Value) < s.ContractingShare * yearEarlier.Sum(o => o.Value))
                return (ChurnStatus.Contracting, ChurnReason.RevenueContracting);
            return (ChurnStatus.Active, ChurnReason.OnCadence);
        }
    }

    /// <summary>
    /// The expected gap E: the median of the recent gaps between distinct order days, shrunk towards the segment's gap
    /// as E = (n·median + k·S) ÷ (n + k) when one is configured; <paramref name="p90"/> is the own gaps' 90th percentile.
    /// </summary>
    internal static double UsualGap(IReadOnlyList<AccountOrder> orders, DateOnly day, ChurnSettings s, out double? p90)
    {
        var days = orders.Select(o => o.Day).Where(d => d.DayNumber > day.DayNumber - s.GapHistoryDays).Distinct().ToList();
        var gaps = days.Zip(days.Skip(1), (a, b) => (double)(b.DayNumber - a.DayNumber)).TakeLast(s.MaxGaps).OrderBy(g => g).ToList();
        p90 = gaps.Count > 0 ? Quantile(gaps, 0.9) : null;
        if (gaps.Count == 0) return s.SegmentGapDays ?? s.DefaultGapDays;
        var median = Quantile(gaps, 0.5);
        return s.SegmentGapDays is { } segment ? (gaps.Count * median + s.PseudoGaps * segment) / (gaps.Count + s.PseudoGaps) : median;
    }

    /// <summary>Orders in the window of <paramref name="length"/> days ending <paramref name="offset"/> days before the day: (day − offset − length, day − offset].</summary>
    private static List<AccountOrder> Window(List<AccountOrder> orders, DateOnly day, int offset, int length)
    {
        var end = day.DayNumber - offset;
        return orders.Where(o => o.Day.DayNumber <= end && o.Day.DayNumber > end - length).ToList();
    }

    /// <summary>Linear-interpolated quantile of sorted values.</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
