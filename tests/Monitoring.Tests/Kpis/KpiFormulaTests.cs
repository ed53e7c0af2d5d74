using Monitoring.Kpis;

namespace Monitoring.Tests.Kpis;

/// <summary>Every KPI of the catalogue on one small, hand-built period whose values are worked out by hand below.</summary>
public sealed class KpiFormulaTests
{
    private static readonly Period Week = Period.IsoWeek(2026, 48); // 23–29 November 2026, 7 days

    internal static readonly FactSums Sums = new()
    {
        Sessions = 1000, Visitors = 800, BouncedSessions = 300, SignedInSessions = 600,
        ProductStepSessions = 700, CartStepSessions = 200, CheckoutStepSessions = 120, PaymentStepSessions = 100, OrderStepSessions = 80,
        PaymentAttempts = 90, PaymentRefusals = 9, PaymentFees = 45m,
        Orders = 100, WebOrders = 80, CancelledOrders = 5, OrderLines = 300, UnitsSold = 1000m,
        NetRevenue = 50_000m, CostOfGoods = 30_000m, Discount = 2_000m, ShippingCharged = 1_500m,
        NewAccountOrders = 20, NewAccountRevenue = 8_000m, ReturningAccountOrders = 80, ReturningAccountRevenue = 42_000m,
        OrderingAccounts = 50, Baskets = BasketHistogram.Of([100m, 400m, 500m, 600m, 2_000m]),
        ReturnLines = 10, ReturnedUnits = 20m, ReturnsAmount = 900m,
        Shipments = 95, ShippingCost = 950m, DeliveredShipments = 90, OnTimeDeliveries = 81, DeliveryDaysTotal = 270,
        Tickets = 12, NpsPromoters = 50, NpsPassives = 30, NpsDetractors = 20, ReviewScoreSum = 420, ReviewCount = 100,
        MarketingSpend = 3_000m, NewAccounts = 15,
    };

    private static readonly AccountCounts Accounts = new(OrderingAccounts: 40, RepeatAccounts: 10, ReturningAccounts: 30,
        OrdersLastYear: 1200, AccountsLastYear: 200, ActiveAtStart: 180, ChurnedDuring: 9);

    private static readonly DateOnly StockDay = Week.End;

    // End stock: A sells (200), B is out, C has not sold for 200 days (500, dead), D is inactive and never sold (100, dead).
    private static readonly StockInput Stock = StockInput.Of(
        new StockSnapshot(Week.Start, [new StockItem("A", 10, 100m, true, StockDay)]),
        new StockSnapshot(StockDay,
        [
            new StockItem("A", 10, 20m, true, StockDay.AddDays(-3)),
            new StockItem("B", 0, 5m, true, StockDay.AddDays(-1)),
            new StockItem("C", 5, 100m, true, StockDay.AddDays(-200)),
            new StockItem("D", 4, 25m, false, null),
        ]));

    private static readonly KpiInput Input = new(Week, SegmentKey.All, Sums, Accounts, Stock);

    public static TheoryData<string, decimal> Expected => new()
    {
        { "sessions", 1000m },
        { "visitors", 800m },
        { "bounce_rate", 300m / 1000m },
        { "conversion_rate", 80m / 1000m },
        { "signed_in_conversion_rate", 80m / 600m },
        { "cart_abandonment_rate", (200m - 80m) / 200m },
        { "payment_abandonment_rate", (100m - 80m) / 100m },
        { "payment_refusal_rate", 9m / 90m },
        { "net_revenue", 50_000m },
        { "gross_margin", 20_000m },
        { "gross_margin_rate", 20_000m / 50_000m },
        { "net_margin_per_order", (50_000m + 1_500m - 30_000m - 950m - 45m) / 100m },
        { "orders", 100m },
        { "cancellation_rate", 5m / 105m },
        { "average_basket", 500m },
        { "median_basket", 500m },
        { "orders_per_account", 100m / 40m },
        { "purchase_frequency", 1200m / 200m },
        { "new_accounts", 15m },
        { "new_account_revenue_share", 8_000m / 50_000m },
        { "repeat_account_rate", 10m / 40m },
        { "returning_account_rate", 30m / 40m },
        { "attrition_rate", 9m / 180m },
        { "customer_acquisition_cost", 3_000m / 15m },
        { "nps", 100m * (50 - 20) / 100m },
        { "review_score", 4.2m },
        { "tickets_per_order", 12m / 100m },
        { "return_rate", 20m / 1000m },
        { "delivery_cost_per_parcel", 950m / 95m },
        { "delivery_time_days", 270m / 90m },
        { "on_time_rate", 81m / 90m },
        { "stock_value", 800m },
        { "stock_turnover", 30_000m * 365m / 7m / ((1000m + 800m) / 2) },
        { "days_in_stock", 900m / (30_000m / 7m) },
        { "stock_out_rate", 1m / 3m },
        { "dead_stock_share", 600m / 800m },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Computes_each_kpi_from_the_period_figures(string id, decimal expected)
    {
        var kpi = KpiCatalog.Find(id) ?? throw new Xunit.Sdk.XunitException($"no KPI {id}");
        var value = kpi.Evaluate(Input).Value;

        Assert.NotNull(value);
        // The median is read from 1 %-wide buckets: it is right within half a percent, not to the cent.
        var precision = id == "median_basket" ? 0.005m * expected : 0.0000001m;
        Assert.InRange(value.Value, expected - precision, expected + precision);
    }

    [Fact]
    public void Every_kpi_of_the_catalogue_has_a_worked_example_here()
    {
        var covered = Expected.Select(row => (string)row[0]).ToHashSet();

        Assert.All(KpiCatalog.All, kpi => Assert.Contains(kpi.Id, covered));
    }

    [Fact]
    public void Keeps_the_numerator_and_denominator_beside_a_ratio()
    {
        var value = KpiCatalog.Find("conversion_rate")!.Evaluate(Input);

        Assert.Equal((80m, 1000m), (value.Numerator, value.Denominator));
    }

    [Theory]
    [InlineData("conversion_rate")]
    [InlineData("average_basket")]
    [InlineData("on_time_rate")]
    [InlineData("nps")]
    [InlineData("median_basket")]
    public void Has_no_value_without_a_denominator_rather_than_zero(string id) =>
        Assert.Null(KpiCatalog.Find(id)!.Evaluate(new KpiInput(Week, SegmentKey.All, FactSums.Zero)).Value);

    [Theory]
    [InlineData("attrition_rate", "needs account histories")]
    [InlineData("stock_value", "needs a stock snapshot")]
    public void Says_which_input_is_missing(string id, string note)
    {
        var value = KpiCatalog.Find(id)!.Evaluate(new KpiInput(Week, SegmentKey.All, Sums));

        Assert.Equal((null, note), (value.Value, value.Note));
    }

    [Fact]
    public void Falls_back_to_account_days_for_orders_per_account_without_account_histories() =>
        Assert.Equal(100m / 50m, KpiCatalog.Find("orders_per_account")!.Evaluate(new KpiInput(Week, SegmentKey.All, Sums)).Value);

    [Theory]
    [InlineData("sessions", "category", false)]
    [InlineData("sessions", "acquisition_channel", true)]
    [InlineData("conversion_rate", "acquisition_channel", false)]
    [InlineData("customer_acquisition_cost", "acquisition_channel", true)]
    [InlineData("customer_acquisition_cost", "country", false)]
    [InlineData("net_revenue", "category", true)]
    [InlineData("net_margin_per_order", "category", false)]
    public void Cuts_a_kpi_only_by_the_dimensions_its_facts_share(string id, string dimension, bool applies)
    {
        var kpi = KpiCatalog.Find(id)!;
        var segment = new SegmentKey(dimension, "x");

        Assert.Equal(applies, kpi.AppliesTo(segment));
        if (!applies) Assert.Null(kpi.Evaluate(Input with { Segment = segment }).Value);
    }
}
