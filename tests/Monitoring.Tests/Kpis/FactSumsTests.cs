using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

public sealed class FactSumsTests
{
    private static readonly SegmentKey Web = new(SegmentKey.SalesChannel, "web");

    [Fact]
    public void Adds_every_field_so_that_a_week_is_the_sum_of_its_days()
    {
        var doubled = KpiFormulaTests.Sums + KpiFormulaTests.Sums;

        // Reflection, so that a field added later and forgotten in operator + fails here.
        foreach (var property in typeof(FactSums).GetProperties().Where(p => p.PropertyType == typeof(long) || p.PropertyType == typeof(decimal)))
        {
            var one = Convert.ToDecimal(property.GetValue(KpiFormulaTests.Sums));
            Assert.True(one != 0, $"{property.Name} is zero in the sample, so the test cannot see it summed");
            Assert.Equal(2 * one, Convert.ToDecimal(property.GetValue(doubled)));
        }
        Assert.Equal(2 * KpiFormulaTests.Sums.Baskets.Total, doubled.Baskets.Total);
    }

    [Fact]
    public void Sums_only_the_days_of_the_period_and_the_segment_asked_for()
    {
        var monday = new DateOnly(2026, 11, 23);
        var facts = new DailyFactsSet(
        [
            new DailyFacts(monday.AddDays(-1), SegmentKey.All, new FactSums { Orders = 100 }), // Sunday of the week before
            new DailyFacts(monday, SegmentKey.All, new FactSums { Orders = 3 }),
            new DailyFacts(monday.AddDays(6), SegmentKey.All, new FactSums { Orders = 4 }),
            new DailyFacts(monday.AddDays(6), Web, new FactSums { Orders = 2 }),
            new DailyFacts(monday.AddDays(7), SegmentKey.All, new FactSums { Orders = 100 }), // Monday of the week after
        ]);

        Assert.Equal(7, facts.Sum(Period.IsoWeekOf(monday), SegmentKey.All).Orders);
        Assert.Equal(2, facts.Sum(Period.IsoWeekOf(monday), Web).Orders);
        Assert.Equal(0, facts.Day(monday.AddDays(2), SegmentKey.All).Orders);
    }

    [Fact]
    public void Adds_two_rows_of_the_same_day_and_segment() =>
        Assert.Equal(5, new DailyFactsSet(
        [
            new DailyFacts(new DateOnly(2026, 1, 5), Web, new FactSums { Sessions = 2 }),
            new DailyFacts(new DateOnly(2026, 1, 5), Web, new FactSums { Sessions = 3 }),
        ]).Day(new DateOnly(2026, 1, 5), Web).Sessions);

    [Fact]
    public void Estimates_the_median_basket_within_half_a_percent_from_merged_daily_histograms()
    {
        var random = new Random(7);
        var days = Enumerable.Range(0, 30)
            .Select(_ => Enumerable.Range(0, 200).Select(_ => Math.Round((decimal)Math.Exp(5 + 1.5 * random.NextDouble()), 2)).ToList())
            .ToList();
        var all = days.SelectMany(d => d).Order().ToList();
        var exact = all[(all.Count + 1) / 2 - 1];

        var merged = days.Select(BasketHistogram.Of).Aggregate(BasketHistogram.Empty, (a, b) => a + b);

        Assert.Equal(all.Count, merged.Total);
        Assert.InRange(merged.Median!.Value, exact * 0.995m, exact * 1.005m);
    }

    [Fact]
    public void Reads_bucket_counts_computed_elsewhere_the_same_as_the_values()
    {
        decimal[] values = [12.5m, 99m, 100m, 101m, 0m, 5000m];
        var counts = values.GroupBy(BasketHistogram.BucketOf).Select(g => KeyValuePair.Create(g.Key, (long)g.Count()));

        Assert.Equal(BasketHistogram.Of(values).Median, BasketHistogram.FromCounts(counts).Median);
    }

    [Fact]
    public void Reports_zero_for_a_median_of_free_orders_and_nothing_without_orders()
    {
        Assert.Equal(0m, BasketHistogram.Of([0m, 0m, 10m]).Median);
        Assert.Null(BasketHistogram.Empty.Median);
    }
}
