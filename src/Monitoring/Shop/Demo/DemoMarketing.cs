using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>Marketing spend per paid channel per day, and the KPI targets management set for the last year.</summary>
internal static class DemoMarketing
{
    /// <summary>Average daily spend at scale 1 per channel; organic is the SEO agency's fee spread over the days.</summary>
    private static readonly (string Channel, double Daily)[] Budgets =
        [("paid_search", 520), ("email", 45), ("referral", 70), ("marketplace", 160), ("organic", 40)];

    public static void Spend(DemoDataOptions options, DemoCalendar calendar, DemoBatchWriter writer)
    {
        var rng = DemoRandom.For(options.Seed, DemoRandom.Marketing);
        for (var d = 0; d < calendar.Days; d++)
        {
            var day = calendar.Day(d);
            var weight = calendar.TrafficWeight(day);
            foreach (var (channel, daily) in Budgets)
            {
                var amount = channel switch
                {
                    "organic" => daily,
                    // a newsletter goes out on Tuesdays; other days only pay the platform
                    "email" => day.DayOfWeek == DayOfWeek.Tuesday ? daily * 5 : daily * 0.3,
                    _ => daily * weight * rng.Between(0.8, 1.2),
                };
                writer.Add(ShopModel.MarketingSpend, [day, channel, DemoRandom.Money(amount * options.Scale), "EUR"]);
            }
        }
    }

    /// <summary>About a dozen targets for the end's year and quarter, by the people who own them.</summary>
    public static void Targets(DemoCalendar calendar, DemoBatchWriter writer)
    {
        var year = calendar.End.Year;
        var quarter = (calendar.End.Month - 1) / 3 + 1;
        var yearEnd = new DateOnly(year, 12, 31);
        var quarterEnd = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        var (y, q) = (year.ToString(), $"{year}-Q{quarter}");
        (string Kpi, string Segment, string Period, decimal Target, DateOnly Deadline, string Owner)[] targets =
        [
            ("conversion_rate", "*", y, 0.045m, yearEnd, "Directeur e-commerce"),
            ("conversion_rate", "*", q, 0.05m, quarterEnd, "Directeur e-commerce"),
            ("average_order_value", "*", y, 1700m, yearEnd, "Directeur commercial"),
            ("average_order_value", DemoAccount.SmallBusiness, y, 450m, yearEnd, "Responsable marketing"),
            ("gross_margin_ratio", "*", y, 0.26m, yearEnd, "Directeur financier"),
            ("gross_margin_ratio", DemoAccount.KeyAccount, y, 0.20m, yearEnd, "Directeur grands comptes"),
            ("churn_rate", "*", y, 0.12m, yearEnd, "Directeur commercial"),
            ("churn_rate", DemoAccount.Reseller, q, 0.03m, quarterEnd, "Responsable réseau revendeurs"),
            ("on_time_delivery_ratio", "*", y, 0.93m, yearEnd, "Responsable logistique"),
            ("on_time_delivery_ratio", "*", q, 0.95m, quarterEnd, "Responsable logistique"),
            ("return_rate", "*", y, 0.025m, yearEnd, "Responsable service client"),
            ("web_order_share", "*", y, 0.55m, yearEnd, "Directeur e-commerce"),
            ("nps", "*", y, 40m, yearEnd, "Responsable service client"),
        ];
        foreach (var t in targets) writer.Add(ShopModel.KpiTarget, [t.Kpi, t.Segment, t.Period, t.Target, t.Deadline, t.Owner]);
    }
}
