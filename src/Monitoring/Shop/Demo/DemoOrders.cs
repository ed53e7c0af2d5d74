using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>A web order, handed to the sessions so the visit that placed it exists and pays it.</summary>
internal sealed record DemoWebOrder(string Id, DemoAccount Account, string ContactId, DateTimeOffset PlacedAt, decimal AmountInclVat, string PaymentMethod);

/// <summary>
/// Orders and their lines, day by day. Each account orders at its own rhythm shaped by the calendar and its
/// lifecycle; the rhythm is scaled once so the whole history holds about 78,000 orders at scale 1.
/// </summary>
internal sealed class DemoOrders
{
    private const int FullScaleOrders = 78_000;
    private const int OrphanEvery = 5_000; // see DemoDefects.OrphanOrderLineRate

    private readonly DemoCalendar _calendar;
    private readonly DemoCatalog _catalog;
    private readonly IReadOnlyList<DemoAccount> _accounts;
    private readonly DemoBatchWriter _writer;
    private readonly DemoPayments _payments;
    private readonly DemoFulfilment _fulfilment;
    private readonly Random _orders, _lines;
    private readonly double _perOrderWeight;
    private long _sequence, _lineCount;

    public DemoOrders(DemoDataOptions options, DemoCalendar calendar, DemoCatalog catalog, IReadOnlyList<DemoAccount> accounts,
        DemoBatchWriter writer, DemoPayments payments, DemoFulfilment fulfilment)
    {
        (_calendar, _catalog, _accounts, _writer, _payments, _fulfilment) = (calendar, catalog, accounts, writer, payments, fulfilment);
        _orders = DemoRandom.For(options.Seed, DemoRandom.Orders);
        _lines = DemoRandom.For(options.Seed, DemoRandom.Lines);
        double expected = 0;
        for (var d = 0; d < calendar.Days; d++)
        {
            var day = calendar.Day(d);
            var weight = calendar.OrderWeight(day);
            foreach (var a in accounts) expected += a.MonthlyRate / 30.44 * weight * a.Activity(day);
        }
        _perOrderWeight = expected == 0 ? 0 : options.Scaled(FullScaleOrders, 50) / expected;
    }

    /// <summary>Orphan order lines written so far.</summary>
    public long Orphans { get; private set; }

    /// <summary>Places a day's orders, in time order, and returns the ones placed on the website.</summary>
    public List<DemoWebOrder> PlaceDay(DateOnly day)
    {
        var weight = _calendar.OrderWeight(day) * _perOrderWeight / 30.44;
        var placed = new List<(double Hour, DemoAccount Account)>();
        foreach (var a in _accounts)
        {
            var activity = a.Activity(day);
            if (activity <= 0 || a.MonthlyRate <= 0) continue;
            for (var k = _orders.RoundRandomly(weight * a.MonthlyRate * activity); k > 0; k--)
                placed.Add((DemoCalendar.OfficeHour(_orders), a));
        }
        placed.Sort((x, y) => x.Hour != y.Hour ? x.Hour.CompareTo(y.Hour) : x.Account.Index.CompareTo(y.Account.Index));
        var web = new List<DemoWebOrder>();
        foreach (var (hour, account) in placed)
        {
            var order = Place(day, DemoCalendar.Utc(day, hour), account);
            if (order is not null) web.Add(order);
        }
        return web;
    }

    private DemoWebOrder? Place(DateOnly day, DateTimeOffset placedAt, DemoAccount a)
    {
        var rng = _orders;
        var id = $"O{++_sequence:D7}";
        var contactId = a.ContactIds[rng.Next(a.ContactIds.Count)];
        var channel = Channel(rng, a);
        var method = channel.StartsWith("marketplace:", StringComparison.Ordinal) ? "marketplace"
            : rng.Chance(0.85) ? a.PreferredPayment
            : rng.Pick(["transfer_30d", "card", "direct_debit"]);
        var lines = Lines(day, id, a);
        var subtotal = lines.Sum(l => (decimal)l[7]!);
        var discount = channel == "web" && a.Segment is DemoAccount.SmallBusiness or DemoAccount.Reseller && rng.Chance(0.08)
            ? DemoRandom.Money(subtotal * 0.05m) : 0m;
        var shipping = a.Segment is DemoAccount.SmallBusiness or DemoAccount.Reseller && subtotal < 250m
            ? (a.Country == DemoCountries.Home ? 12.90m : 19.90m) : 0m;
        var totalExcl = subtotal - discount + shipping;
        var totalIncl = DemoRandom.Money(totalExcl * (1 + DemoCountries.OrderVatRate(a.Country, a.VatNumber)));
        var weightKg = lines.Sum(l => (decimal)l[3]! * (_catalog.Find((string)l[2]!)?.WeightKg ?? 1m));

        var status = rng.Chance(0.03) ? "cancelled" : _fulfilment.Ship(id, placedAt, a, lines, weightKg, shipping);
        _writer.Add(ShopModel.Order,
        [
            id, a.Id, contactId, channel, placedAt, status, "EUR", totalExcl, totalIncl, discount, shipping, method, a.Country, false,
        ]);
        foreach (var line in lines) _writer.Add(ShopModel.OrderLine, line);
        if (channel == "web") return new DemoWebOrder(id, a, contactId, placedAt, totalIncl, method);
        _payments.ForOrder(id, null, placedAt, totalIncl, method);
        return null;
    }

    private static string Channel(Random rng, DemoAccount a) => a.Segment switch
    {
        DemoAccount.SmallBusiness => rng.Weighted([("web", 0.70), ("phone", 0.12), ("sales_rep_tablet", 0.06),
            ("marketplace:amazon_business", 0.08), ("marketplace:manomano_pro", 0.04)]),
        DemoAccount.Reseller => rng.Weighted([("web", 0.60), ("sales_rep_tablet", 0.20), ("phone", 0.12), ("erp_direct", 0.08)]),
        DemoAccount.Distributor => rng.Weighted([("erp_direct", 0.45), ("web", 0.30), ("sales_rep_tablet", 0.15), ("phone", 0.10)]),
        _ => rng.Weighted([("punchout", 0.35), ("web", 0.30), ("erp_direct", 0.25), ("sales_rep_tablet", 0.10)]),
    };

    /// <summary>The lines of an order: favourites first, then popular products on sale that day; quantities honour packs.</summary>
    private List<object?[]> Lines(DateOnly day, string orderId, DemoAccount a)
    {
        var rng = _lines;
        var mean = a.Segment switch
        {
            DemoAccount.KeyAccount => 5.4,
            DemoAccount.Distributor => 6.2,
            DemoAccount.Reseller => 4.6,
            _ => 3.2,
        };
        var count = Math.Min(30, 1 + rng.Poisson(mean - 1));
        var rows = new List<object?[]>(count);
        var used = new HashSet<int>();
        for (var n = 0; n < count; n++)
        {
            var lineNo = rows.Count + 1L;
            if (++_lineCount % OrphanEvery == 0)
            {
                Orphans++;
                var list = DemoRandom.Money(rng.LogBetween(5, 150));
                var net = DemoRandom.Money(list * (1 - a.Discount));
                rows.Add([orderId, lineNo, $"SKU9{rng.Next(0, 100_000):D5}", 2m, list, net, DemoRandom.Money(list * 0.6m), net * 2]);
                continue;
            }
            var index = PickProduct(rng, day, a, used);
            if (index < 0) continue;
            var p = _catalog.Products[index];
            var quantity = Quantity(rng, a, p);
            var netPrice = DemoPricing.NetPrice(p, a, quantity);
            rows.Add([orderId, lineNo, p.Sku, (decimal)quantity, p.ListPrice, netPrice, p.UnitCost, DemoRandom.Money(quantity * netPrice)]);
        }
        return rows;
    }

    private int PickProduct(Random rng, DateOnly day, DemoAccount a, HashSet<int> used)
    {
        for (var tries = 0; tries < 10; tries++)
        {
            var index = a.Favourites.Length > 0 && rng.Chance(0.55)
                ? a.Favourites[rng.Next(a.Favourites.Length)]
                : rng.Cumulative(_catalog.CumulativePopularity);
            var p = _catalog.Products[index];
            if (p.Status != "draft" && p.SellableFrom <= day && day < p.SellableUntil && used.Add(index)) return index;
        }
        return -1;
    }

    private static long Quantity(Random rng, DemoAccount a, DemoProduct p)
    {
        long quantity = a.Segment switch
        {
            DemoAccount.KeyAccount => 2 + rng.Poisson(5),
            DemoAccount.Distributor => 3 + rng.Poisson(8),
            DemoAccount.Reseller => 1 + rng.Poisson(2.5),
            _ => 1 + rng.Poisson(0.6),
        };
        if (p.Consumable) quantity *= 2;
        quantity = Math.Max(quantity, p.MinOrderQty);
        return (quantity + p.OrderMultiple - 1) / p.OrderMultiple * p.OrderMultiple;
    }
}
