using Monitoring.Kpis;
using Monitoring.Kpis.Churn;

namespace Monitoring.Tests.Kpis;

public sealed class ChurnClassifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    /// <summary>Orders every <paramref name="gap"/> days, the last one <paramref name="silent"/> days ago, going back two years.</summary>
    private static AccountHistory Every(int gap, int silent, decimal value = 1000m) =>
        new("acc", Enumerable.Range(0, 730 / gap).Select(i => new AccountOrder(Today.AddDays(-silent - i * gap), value)).ToList());

    [Theory]
    [InlineData(7, 3, ChurnStatus.Active, ChurnReason.OnCadence)]
    [InlineData(7, 12, ChurnStatus.AtRisk, ChurnReason.Silent)] // beyond 1.5 × 7 days
    [InlineData(7, 45, ChurnStatus.AtRisk, ChurnReason.Silent)] // beyond 3 × 7, but never churned before 60 days
    [InlineData(7, 70, ChurnStatus.Churned, ChurnReason.Silent)]
    [InlineData(90, 100, ChurnStatus.Active, ChurnReason.OnCadence)] // a quarterly buyer is fine after 100 days
    [InlineData(90, 200, ChurnStatus.AtRisk, ChurnReason.Silent)]
    [InlineData(90, 280, ChurnStatus.Churned, ChurnReason.Silent)] // beyond 3 × 90
    [InlineData(200, 370, ChurnStatus.Churned, ChurnReason.Silent)] // a year of silence is churn whatever the cadence
    public void Judges_silence_against_the_accounts_own_cadence(int gap, int silent, ChurnStatus status, ChurnReason reason)
    {
        var result = ChurnClassifier.Classify(Every(gap, silent), Today);

        Assert.Equal((status, reason, silent, (double)gap), (result.Status, result.Reason, result.DaysSilent, result.UsualGapDays));
    }

    [Fact]
    public void Flags_a_falling_basket_with_the_baskets_before_and_after()
    {
        // Monthly orders: 1 000 until three months ago, 500 since.
        var orders = Enumerable.Range(0, 12).Select(i => new AccountOrder(Today.AddDays(-5 - 30 * i), i < 3 ? 500m : 1000m)).ToList();

        var result = ChurnClassifier.Classify(new AccountHistory("acc", orders), Today);

        Assert.Equal((ChurnStatus.AtRisk, ChurnReason.BasketFalling, 1000m, 500m), (result.Status, result.Reason, result.BasketBefore, result.BasketAfter));
        Assert.Contains("500.00", result.Describe());
    }

    [Fact]
    public void Flags_a_falling_frequency_while_the_account_still_orders()
    {
        // Weekly for a year, then every three weeks for the last 90 days.
        var weekly = Enumerable.Range(0, 40).Select(i => new AccountOrder(Today.AddDays(-91 - 7 * i), 800m));
        var sparse = Enumerable.Range(0, 4).Select(i => new AccountOrder(Today.AddDays(-2 - 21 * i), 800m));

        var result = ChurnClassifier.Classify(new AccountHistory("acc", [.. weekly, .. sparse]), Today);

        Assert.Equal((ChurnStatus.AtRisk, ChurnReason.FrequencyFalling), (result.Status, result.Reason));
        Assert.True(result.OrdersAfter < result.OrdersBefore / 2.0, $"{result.OrdersAfter} after, {result.OrdersBefore} before");
    }

    [Fact]
    public void Calls_contracting_an_account_on_cadence_that_buys_less_than_half_of_a_year_ago()
    {
        // Monthly: 1 000 a year ago, 400 for the last six months (so no fall against the 90 days before).
        var orders = Enumerable.Range(0, 15).Select(i => new AccountOrder(Today.AddDays(-10 - 30 * i), i < 7 ? 400m : 1000m)).ToList();

        var result = ChurnClassifier.Classify(new AccountHistory("acc", orders), Today);

        Assert.Equal((ChurnStatus.Contracting, ChurnReason.RevenueContracting), (result.Status, result.Reason));
        Assert.Equal((1200m, 3000m), (result.RevenueLast90, result.RevenueYearEarlier90));
    }

    [Theory]
    [InlineData(30, ChurnStatus.Active)]
    [InlineData(150, ChurnStatus.AtRisk)] // beyond 1.5 × the 90 days assumed for a single order
    [InlineData(300, ChurnStatus.Churned)]
    public void Judges_an_account_with_a_single_order_against_the_default_gap(int silent, ChurnStatus status) =>
        Assert.Equal(status, ChurnClassifier.Classify(new AccountHistory("acc", [new(Today.AddDays(-silent), 100m)]), Today).Status);

    [Fact]
    public void Ignores_orders_after_the_day_and_calls_an_account_without_orders_no_customer()
    {
        var result = ChurnClassifier.Classify(new AccountHistory("acc", [new(Today.AddDays(1), 100m)]), Today);

        Assert.Equal(ChurnStatus.NoOrders, result.Status);
    }

    [Fact]
    public void Shrinks_a_short_history_towards_the_segments_gap()
    {
        var history = new AccountHistory("acc", [new(Today.AddDays(-20), 100m), new(Today.AddDays(-10), 100m)]);

        var result = ChurnClassifier.Classify(history, Today, new ChurnSettings { SegmentGapDays = 60 });

        Assert.Equal((1 * 10 + 3 * 60) / 4.0, result.UsualGapDays); // one own gap of 10, three pseudo-gaps of 60
    }

    [Fact]
    public void Counts_ordering_repeat_returning_and_churned_accounts_of_a_month()
    {
        var november = Period.Month(2026, 11);
        AccountHistory[] accounts =
        [
            new("twice", [new(new DateOnly(2026, 11, 3), 1m), new(new DateOnly(2026, 11, 20), 1m)]), // new, repeat
            new("back", [new(new DateOnly(2026, 5, 1), 1m), new(new DateOnly(2026, 11, 5), 1m)]), // returning
            // Weekly until mid-September: at risk on 31 October (46 days silent), churned by 30 November (76 days).
            new("lost", Enumerable.Range(0, 20).Select(i => new AccountOrder(new DateOnly(2026, 9, 15).AddDays(-7 * i), 1m)).ToList()),
            new("old", [new(new DateOnly(2024, 1, 10), 1m)]), // churned long before: not active at the start
        ];

        var counts = AccountCounts.For(accounts, november);

        Assert.Equal(new AccountCounts(OrderingAccounts: 2, RepeatAccounts: 1, ReturningAccounts: 1, OrdersLastYear: 24,
            AccountsLastYear: 3, ActiveAtStart: 2, ChurnedDuring: 1), counts);
    }
}
