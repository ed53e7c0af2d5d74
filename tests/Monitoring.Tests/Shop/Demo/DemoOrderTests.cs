namespace Monitoring.Tests.Shop.Demo;

/// <summary>Order totals add up from their lines, and the shares of cancellations, returns and card refusals are realistic.</summary>
public sealed class DemoOrderTests(SmallDemoRun small) : IClassFixture<SmallDemoRun>
{
    private static readonly Dictionary<string, decimal> VatRates = new()
    {
        ["FR"] = 0.20m, ["BE"] = 0.21m, ["DE"] = 0.19m, ["ES"] = 0.21m, ["IT"] = 0.22m, ["NL"] = 0.21m, ["LU"] = 0.17m,
        ["PT"] = 0.23m, ["AT"] = 0.20m, ["IE"] = 0.23m, ["PL"] = 0.23m,
    };

    private readonly DemoRun _run = small.Run;

    [Fact]
    public void Totals_are_the_lines_less_discount_plus_shipping_then_the_vat_of_the_country_or_none()
    {
        var orders = _run["order"];
        var lines = _run["order_line"];
        var sums = lines.Rows.GroupBy(r => lines.Get<string>(r, "order_id")).ToDictionary(g => g.Key, g => g.Sum(r => lines.Get<decimal>(r, "amount")));
        foreach (var o in orders.Rows)
        {
            var id = orders.Get<string>(o, "id");
            var excl = orders.Get<decimal>(o, "total_excl_vat");
            Assert.Equal(sums[id] - orders.Get<decimal>(o, "discount") + orders.Get<decimal>(o, "shipping_charged"), excl);
            var country = orders.Get<string>(o, "country");
            var incl = orders.Get<decimal>(o, "total_incl_vat");
            var withVat = Math.Round(excl * (1 + VatRates[country]), 2, MidpointRounding.AwayFromZero);
            Assert.True(incl == withVat || country != "FR" && incl == excl, $"{id} ({country}): {excl} excl., {incl} incl.");
        }
    }

    [Fact]
    public void A_line_is_its_quantity_times_its_net_price_and_the_net_price_is_at_most_the_list_price()
    {
        var lines = _run["order_line"];
        foreach (var l in lines.Rows)
        {
            var net = lines.Get<decimal>(l, "net_price");
            Assert.Equal(Math.Round(lines.Get<decimal>(l, "quantity") * net, 2), lines.Get<decimal>(l, "amount"));
            Assert.True(net <= lines.Get<decimal>(l, "list_price") || net <= lines.Get<decimal>(l, "unit_cost") * 1.06m);
        }
    }

    [Fact]
    public void Orders_average_three_to_six_lines()
    {
        Assert.InRange((double)_run["order_line"].Count / _run["order"].Count, 3.0, 6.0);
    }

    [Fact]
    public void About_three_percent_of_orders_are_cancelled_and_two_to_four_percent_of_lines_returned()
    {
        var orders = _run["order"];
        var cancelled = (double)orders.Rows.Count(r => orders.Get<string>(r, "status") == "cancelled") / orders.Count;

        Assert.InRange(cancelled, 0.02, 0.04);
        Assert.InRange((double)_run["return"].Count / _run["order_line"].Count, 0.02, 0.04);
    }

    [Fact]
    public void Five_to_eight_percent_of_card_attempts_are_refused_or_fail()
    {
        var attempts = _run["payment_attempt"];
        var card = attempts.Rows.Where(r => attempts.Get<string>(r, "method") == "card").ToList();
        var failed = (double)card.Count(r => attempts.Get<string>(r, "status") != "authorised") / card.Count;

        Assert.InRange(failed, 0.04, 0.09);
    }

    [Fact]
    public void Cancelled_orders_are_never_shipped()
    {
        var orders = _run["order"];
        var cancelled = orders.Rows.Where(r => orders.Get<string>(r, "status") == "cancelled").Select(r => orders.Get<string>(r, "id")).ToHashSet();
        var shipments = _run["shipment"];

        Assert.DoesNotContain(shipments.Rows, s => cancelled.Contains(shipments.Get<string>(s, "order_id")));
    }
}
