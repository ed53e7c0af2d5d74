using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;

namespace Monitoring.Tests.Kpis;

/// <summary>The anomaly finder on hand-built rollup rows: ten steady weeks, then one day or week that differs.</summary>
public sealed class KpiAnomalyFinderTests
{
    // Friday 20 November 2026, not a French holiday.
    internal static readonly DateOnly Target = new(2026, 11, 20);

    /// <summary>1,000 sessions, 30 web orders of 100 € each, 200 sessions at the payment step of which 150 ordered.</summary>
    internal static FactSums Steady(long sessions = 1000, long orders = 30) => new()
    {
        Sessions = sessions, Visitors = sessions * 8 / 10, WebOrders = orders, Orders = orders, NetRevenue = 100m * orders,
        PaymentStepSessions = 200, OrderStepSessions = 150,
    };

    /// <summary>Seventy steady days ending the day before <paramref name="until"/>, the given rows replacing theirs.</summary>
    internal static DailyFactsSet Rollup(DateOnly until, params (DateOnly Day, FactSums Sums)[] changed)
    {
        var rows = Enumerable.Range(1, 70).Select(i => until.AddDays(-i)).Where(d => changed.All(c => c.Day != d))
            .Select(d => new DailyFacts(d, SegmentKey.All, Steady())).ToList();
        rows.AddRange(changed.Select(c => new DailyFacts(c.Day, SegmentKey.All, c.Sums)));
        return new DailyFactsSet(rows);
    }

    private static KpiAnomalyScan Scan(DailyFactsSet set, Period period) =>
        KpiAnomalyFinder.Scan(set, period, BusinessCalendar.None, new AnomalySettings());

    [Fact]
    public void Finds_an_injected_drop_in_conversion_with_its_figures()
    {
        var scan = Scan(Rollup(Target, (Target, Steady(orders: 5))), Period.Day(Target));

        var conversion = Assert.Single(scan.Anomalies, a => a.Kpi.Id == "conversion_rate");
        Assert.Equal(AnomalyDirection.Drop, conversion.Anomaly.Direction);
        Assert.Equal(0.005, conversion.Anomaly.Actual, 10);   // 5 ÷ 1,000
        Assert.Equal(0.03, conversion.Anomaly.Expected, 10);  // 30 ÷ 1,000 on each of the eight earlier Fridays
        // MAD 0 → floored at the binomial noise of the smoothed share p = 31 ÷ 1,002: 0.6745 × √(p(1 − p) ÷ 1000) = 0.003694;
        // z = 0.6745 × −0.025 ÷ 0.003694.
        const double p = 31.0 / 1002;
        Assert.Equal(0.6745 * Math.Sqrt(p * (1 - p) / 1000), conversion.Anomaly.Mad, 9);
        Assert.Equal(-4.566, conversion.Anomaly.RobustZ, 3);
        Assert.Equal(1000, conversion.Denominator);
        Assert.Equal("conversion_rate:day:2026-11-20", conversion.Key);
        Assert.Contains(scan.Anomalies, a => a.Kpi.Id == "orders" && a.Anomaly.Direction == AnomalyDirection.Drop);
        Assert.Contains(scan.Anomalies, a => a.Kpi.Id == "net_revenue");
        // Revenue per order did not change, so the basket is normal; the gauge says −1 for conversion and 0 for it.
        Assert.DoesNotContain(scan.Anomalies, a => a.Kpi.Id == "average_basket");
        var directions = scan.Directions.ToDictionary(d => d.Kpi, d => d.Direction);
        Assert.Equal(-1, directions["conversion_rate"]);
        Assert.Equal(0, directions["average_basket"]);
        Assert.Equal(0, directions["sessions"]);
    }

    [Fact]
    public void Finds_nothing_on_a_normal_day_or_week()
    {
        var week = Period.IsoWeekOf(Target.AddDays(-7)); // 9 to 15 November 2026, inside the steady rows
        var set = Rollup(Target, (Target, Steady()));

        var day = Scan(set, Period.Day(Target));
        var weekly = Scan(set, week);

        Assert.Empty(day.Anomalies);
        Assert.Empty(weekly.Anomalies);
        Assert.Contains("conversion_rate", day.Judged);
        Assert.Contains("conversion_rate", weekly.Judged);
    }

    [Fact]
    public void Finds_a_weekly_drop_and_keys_it_by_the_iso_week()
    {
        var week = Period.IsoWeekOf(Target.AddDays(-7)); // 2026-W46
        var set = Rollup(Target, week.EachDay().Select(d => (d, Steady(orders: 10))).ToArray());

        var scan = Scan(set, week);

        var conversion = Assert.Single(scan.Anomalies, a => a.Kpi.Id == "conversion_rate");
        Assert.Equal(70.0 / 7000, conversion.Anomaly.Actual, 10);
        Assert.Equal(0.03, conversion.Anomaly.Expected, 10);
        Assert.Equal("conversion_rate:week:2026-W46", conversion.Key);
    }

    [Fact]
    public void Leaves_a_ratio_on_too_thin_a_denominator_unjudged()
    {
        // 15 sessions and no order: the session count is far off, but 0 orders out of 15 says nothing about conversion.
        var scan = Scan(Rollup(Target, (Target, Steady(sessions: 15, orders: 0))), Period.Day(Target));

        Assert.DoesNotContain(scan.Anomalies, a => a.Kpi.Id == "conversion_rate");
        Assert.Contains(scan.Anomalies, a => a.Kpi.Id == "sessions" && a.Anomaly.Direction == AnomalyDirection.Drop);
    }

    [Theory]
    [InlineData(1, 31, false)]  // one refusal out of 31 Sunday payments, usually none: chance
    [InlineData(10, 31, true)]  // ten out of 31: a fault
    public void Does_not_take_one_event_against_a_usual_zero_for_a_spike(int refusals, int attempts, bool flagged)
    {
        var sundays = Enumerable.Range(1, 8).Select(i => new SeriesPoint(Target.AddDays(-7 * i), 0, attempts))
            .Append(new SeriesPoint(Target, (double)refusals / attempts, attempts)).ToDictionary(p => p.Day);

        var anomaly = AnomalyDetector.Judge(sundays[Target], sundays, SeriesGrain.Day, BusinessCalendar.None, new AnomalySettings());

        Assert.Equal(flagged, anomaly is not null);
    }

    [Fact]
    public void Names_the_route_of_each_kpi_in_one_place()
    {
        Assert.Equal("ops", KpiCatalog.Find("payment_abandonment_rate")!.AlertTeam);
        Assert.Equal("ops", KpiCatalog.Find("payment_refusal_rate")!.AlertTeam);
        Assert.Equal("managers", KpiCatalog.Find("conversion_rate")!.AlertTeam);
        Assert.Equal("managers", KpiCatalog.Find("visitors")!.AlertTeam);
        Assert.Equal("managers", KpiCatalog.Find("net_revenue")!.AlertTeam);
        Assert.Equal("managers", KpiCatalog.Find("average_basket")!.AlertTeam);
        Assert.Equal("catalogue", KpiCatalog.Find("stock_out_rate")!.AlertTeam);
    }

    [Fact]
    public void Mails_the_figures_in_words_with_the_chart_inline()
    {
        var anomaly = Scan(Rollup(Target, (Target, Steady(orders: 5))), Period.Day(Target)).Anomalies.Single(a => a.Kpi.Id == "conversion_rate");

        var mail = KpiAnomalyMail.Compose(anomaly, Monitoring.Charts.KpiAnomalyChart.RenderPng(anomaly), "managers@example.com", "managers");

        Assert.Equal(("kpi-anomaly", "conversion_rate:day:2026-11-20"), (mail.Kind, mail.Key));
        Assert.Contains("Conversion rate dropped on Friday 2026-11-20", mail.Subject);
        foreach (var figure in new[] { "0.5 %", "3.0 %", "−2.5 points", "−83.3 %", "robust z −4.6", "1,000 sessions" })
        {
            Assert.Contains(figure, mail.TextBody);
            Assert.Contains(figure, mail.HtmlBody);
        }
        var image = Assert.Single(mail.Images);
        Assert.Contains($"src=\"cid:{image.ContentId}\"", mail.HtmlBody);
        Assert.True(Monitoring.Tests.Charts.PngFile.IsValid(image.Png));
    }
}
