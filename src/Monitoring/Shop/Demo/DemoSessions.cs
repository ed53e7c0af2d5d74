using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>
/// Visits to the shop, day by day: one per web order (it reached <c>order</c>, logged in, just before the order was
/// placed) and about 655,000 others at scale 1 that stop earlier in the funnel, fewer at each step.
/// </summary>
internal sealed class DemoSessions
{
    private const int FullScaleSessions = 655_000;

    private static readonly (string, double)[] Steps =
        [("none", 0.44), ("product", 0.32), ("cart", 0.14), ("checkout", 0.065), ("payment", 0.035)];

    private static readonly Dictionary<string, double> LoggedInShare = new()
        { ["none"] = 0.12, ["product"] = 0.3, ["cart"] = 0.55, ["checkout"] = 0.8, ["payment"] = 0.9, ["order"] = 1.0 };

    private static readonly (string, double)[] Channels =
        [("direct", 0.30), ("organic", 0.28), ("paid_search", 0.18), ("email", 0.10), ("referral", 0.08), ("marketplace", 0.06)];

    private static readonly (string, double)[] OrderChannels =
        [("direct", 0.45), ("email", 0.18), ("organic", 0.17), ("paid_search", 0.12), ("referral", 0.05), ("marketplace", 0.03)];

    private static readonly (string, double)[] Devices = [("desktop", 0.68), ("mobile", 0.24), ("tablet", 0.08)];

    private readonly DemoCalendar _calendar;
    private readonly DemoCatalog _catalog;
    private readonly IReadOnlyList<DemoAccount> _accounts;
    private readonly DemoBatchWriter _writer;
    private readonly DemoPayments _payments;
    private readonly Random _rng;
    private readonly double _perWeight;
    private readonly int _visitorPool;
    private long _sequence;

    public DemoSessions(DemoDataOptions options, DemoCalendar calendar, DemoCatalog catalog, IReadOnlyList<DemoAccount> accounts,
        DemoBatchWriter writer, DemoPayments payments)
    {
        (_calendar, _catalog, _accounts, _writer, _payments) = (calendar, catalog, accounts, writer, payments);
        _rng = DemoRandom.For(options.Seed, DemoRandom.Sessions);
        double total = 0;
        for (var d = 0; d < calendar.Days; d++) total += calendar.TrafficWeight(calendar.Day(d));
        _perWeight = options.Scaled(FullScaleSessions, 500) / total;
        _visitorPool = options.Scaled(260_000, 200);
    }

    private sealed record Visit(DateTimeOffset StartedAt, string Step, DemoAccount? Account, string? ContactId, DemoWebOrder? Order);

    /// <summary>Writes the day's sessions in time order, and the payment attempts of their checkouts.</summary>
    public void Day(DateOnly day, List<DemoWebOrder> webOrders)
    {
        var rng = _rng;
        var visits = new List<Visit>(webOrders.Count + (int)(_perWeight * 2));
        foreach (var o in webOrders)
        {
            var started = o.PlacedAt.AddMinutes(-rng.Next(3, 45)).AddSeconds(-rng.Next(0, 60));
            visits.Add(new Visit(started < DemoCalendar.Utc(day, 0) ? DemoCalendar.Utc(day, 0) : started, "order", o.Account, o.ContactId, o));
        }
        var count = rng.RoundRandomly(_perWeight * _calendar.TrafficWeight(day) * rng.Between(0.9, 1.1));
        for (var i = 0; i < count; i++)
        {
            var step = rng.Weighted(Steps);
            var account = rng.Chance(LoggedInShare[step]) ? ActiveAccount(rng, day) : null;
            var contact = account?.ContactIds[rng.Next(account.ContactIds.Count)];
            visits.Add(new Visit(DemoCalendar.Utc(day, DemoCalendar.VisitHour(rng)), step, account, contact, null));
        }
        visits.Sort((x, y) => x.StartedAt.CompareTo(y.StartedAt));
        foreach (var v in visits) Write(rng, v);
    }

    private void Write(Random rng, Visit v)
    {
        var id = $"S{++_sequence:D8}";
        var channel = rng.Weighted(v.Order is null ? Channels : OrderChannels);
        var pages = v.Step switch
        {
            "none" => 1L,
            "product" => 2 + rng.Poisson(2.5),
            "cart" => 4 + rng.Poisson(4),
            "checkout" or "payment" => 6 + rng.Poisson(5),
            _ => 7 + rng.Poisson(7),
        };
        var country = v.Account?.Country ?? (rng.Chance(0.75) ? DemoCountries.Home : rng.Pick(DemoCountries.All).Code);
        _writer.Add(ShopModel.Session,
        [
            id, v.ContactId is null ? $"V{rng.Next(_visitorPool):D7}" : "V-" + v.ContactId, v.Account?.Id, v.StartedAt,
            rng.Weighted(Devices), channel, Landing(rng, channel, v), country, pages, v.Step, false,
        ]);
        if (v.Order is not null) _payments.ForOrder(v.Order.Id, id, v.Order.PlacedAt, v.Order.AmountInclVat, v.Order.PaymentMethod);
        else if (v.Step == "payment") _payments.ForAbandonedCheckout(id, v.StartedAt);
    }

    private string Landing(Random rng, string channel, Visit v)
    {
        if (v.Order is not null && rng.Chance(0.45)) return "/account/orders";
        var product = _catalog.Products[rng.Cumulative(_catalog.CumulativePopularity)];
        return channel switch
        {
            "paid_search" or "marketplace" => $"/p/{product.Sku}",
            "email" => rng.Chance(0.5) ? "/promo/offres-du-mois" : $"/p/{product.Sku}",
            "organic" => rng.Chance(0.6) ? $"/p/{product.Sku}" : "/c/" + DemoContacts.Slug(product.CategoryPath.Split(" > ")[1]),
            "referral" => rng.Chance(0.5) ? "/" : $"/p/{product.Sku}",
            _ => rng.Chance(0.6) ? "/" : "/search",
        };
    }

    /// <summary>A random account active that day, or null after a few misses (the visitor stays anonymous).</summary>
    private DemoAccount? ActiveAccount(Random rng, DateOnly day)
    {
        for (var tries = 0; tries < 6; tries++)
        {
            var a = _accounts[rng.Next(_accounts.Count)];
            if (a.Activity(day) > 0) return a;
        }
        return null;
    }
}
