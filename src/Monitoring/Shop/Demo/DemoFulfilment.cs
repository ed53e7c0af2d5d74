using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>
/// What happens to an order after it is placed: the shipment (carrier, promised and actual days, cost), returns of
/// some lines, the support tickets late or returned orders cause, and product reviews. Decides the order's status
/// as seen at the end of history.
/// </summary>
internal sealed class DemoFulfilment(DemoDataOptions options, DemoCalendar calendar, DemoBatchWriter writer, DemoFeedback feedback)
{
    private static readonly (string, double)[] ReturnReasons =
        [("damaged", 0.25), ("wrong_item", 0.2), ("defective", 0.2), ("not_as_described", 0.1), ("ordered_by_mistake", 0.15), ("no_longer_needed", 0.1)];

    private readonly Random _rng = DemoRandom.For(options.Seed, DemoRandom.Logistics);
    private readonly Random _returns = DemoRandom.For(options.Seed, DemoRandom.Aftersales);
    private long _shipments, _returnsCount;

    /// <summary>Ships an order and returns its status: placed, shipped, delivered or returned.</summary>
    public string Ship(string orderId, DateTimeOffset placedAt, DemoAccount a, List<object?[]> lines, decimal weightKg, decimal feeCharged)
    {
        var rng = _rng;
        var placedDay = DemoCalendar.LocalDay(placedAt);
        var shipDay = placedDay.AddDays(placedAt.Hour < 11 && rng.Chance(0.6) ? 0 : rng.Next(1, 3));
        while (shipDay.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) shipDay = shipDay.AddDays(1);
        var shippedAt = DemoCalendar.Utc(shipDay, rng.Between(15, 18.5));
        if (shippedAt > calendar.EndUtc) return "placed";

        var home = a.Country == DemoCountries.Home;
        var (carrier, promised, cost) = weightKg > 150
            ? ("geodis", home ? 3 : 5, 65m + 0.12m * weightKg)
            : home
                ? rng.Weighted([(("colissimo", 2, 6.5m + 0.40m * weightKg), 0.5), (("dpd", 2, 7m + 0.35m * weightKg), 0.3), (("chronopost", 1, 12m + 0.6m * weightKg), 0.2)])
                : rng.Weighted([(("dhl", 3, 14m + 0.5m * weightKg), 0.6), (("dpd", 4, 11m + 0.45m * weightKg), 0.4)]);
        var lateChance = shipDay.Month == 12 ? 0.15 : 0.08;
        var actual = rng.Chance(lateChance) ? promised + rng.Next(1, 5) : Math.Max(1, promised - (rng.Chance(0.2) ? 1 : 0));
        var deliveredAt = DemoCalendar.Utc(shipDay.AddDays(actual), rng.Between(9, 18));
        var delivered = deliveredAt <= calendar.EndUtc;
        writer.Add(ShopModel.Shipment,
        [
            $"SH{++_shipments:D7}", orderId, carrier, shippedAt, delivered ? deliveredAt : null, (long)promised,
            DemoRandom.Money(cost), feeCharged,
        ]);
        if (actual > promised && delivered && rng.Chance(0.25))
            feedback.Ticket(a, orderId, deliveredAt.AddHours(-rng.Next(24, 72)), "delivery_delay");
        if (!delivered) return "shipped";
        return Returns(orderId, a, lines, deliveredAt) ? "returned" : "delivered";
    }

    /// <summary>Returns about 3 % of delivered lines (a whole order for 1 % of orders); true when the whole order came back.</summary>
    private bool Returns(string orderId, DemoAccount a, List<object?[]> lines, DateTimeOffset deliveredAt)
    {
        var rng = _returns;
        var whole = rng.Chance(0.01);
        var returnedAt = deliveredAt.AddDays(rng.Next(3, 25)).AddHours(rng.Next(0, 8));
        var any = false;
        foreach (var line in lines)
        {
            var sku = (string)line[2]!;
            var product = feedback.Catalog.Find(sku);
            if (product is null) continue; // an orphan line's product is unknown: nothing to return or review
            var quantity = (decimal)line[3]!;
            if ((whole || rng.Chance(0.02)) && returnedAt <= calendar.EndUtc)
            {
                var back = whole ? quantity : Math.Max(1, Math.Round(quantity * (decimal)rng.Between(0.1, 1)));
                var reason = rng.Weighted(ReturnReasons);
                writer.Add(ShopModel.Return,
                [
                    $"R{++_returnsCount:D7}", orderId, line[1], sku, back, reason, product.Supplier,
                    DemoRandom.Money(back * (decimal)line[5]!), returnedAt,
                ]);
                any = true;
                feedback.ProductReview(a, sku, returnedAt, reason is "defective" or "damaged" or "not_as_described" ? 2 : 3);
            }
            else feedback.ProductReview(a, sku, deliveredAt, 0);
        }
        if (any && rng.Chance(0.3)) feedback.Ticket(a, orderId, returnedAt.AddHours(-rng.Next(2, 48)), "return_request");
        else if (rng.Chance(0.02)) feedback.Ticket(a, orderId, deliveredAt.AddHours(rng.Next(2, 240)), null);
        return whole && any;
    }
}
