using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>
/// Payment attempts: card payments (some refused or failing before they pass), direct debits collected two days
/// after the order, and the refused or failed attempts of checkouts that never became orders. Transfers, paid
/// 30 days later outside the PSP, and marketplace orders, paid by the marketplace, have none.
/// </summary>
internal sealed class DemoPayments(DemoDataOptions options, DemoCalendar calendar, DemoBatchWriter writer)
{
    private static readonly string[] Refusals = ["do_not_honor", "insufficient_funds", "expired_card", "3ds_failed", "suspected_fraud"];
    private static readonly string[] Errors = ["psp_timeout", "psp_unavailable", "invalid_response"];

    private readonly Random _rng = DemoRandom.For(options.Seed, DemoRandom.Payments);
    private long _sequence;

    /// <summary>The attempts of an order paid by card or direct debit; the last one passes.</summary>
    public void ForOrder(string orderId, string? sessionId, DateTimeOffset placedAt, decimal amount, string method)
    {
        if (method == "card")
        {
            var at = placedAt.AddSeconds(-_rng.Next(20, 240));
            if (_rng.Chance(0.04)) Add(orderId, sessionId, at.AddSeconds(-_rng.Next(40, 300)), "card", "refused", _rng.Pick(Refusals), amount);
            else if (_rng.Chance(0.01)) Add(orderId, sessionId, at.AddSeconds(-_rng.Next(40, 300)), "card", "error", _rng.Pick(Errors), amount);
            Add(orderId, sessionId, at, "card", "authorised", null, amount);
        }
        else if (method == "direct_debit")
        {
            var at = placedAt.AddDays(2).AddHours(_rng.Next(0, 6));
            if (at > calendar.EndUtc) return;
            var refused = _rng.Chance(0.02);
            Add(orderId, null, at, "direct_debit", refused ? "refused" : "authorised", refused ? "insufficient_funds" : null, amount);
        }
    }

    /// <summary>
    /// A checkout that reached payment and went no further: most left at the choice of method (a transfer or a
    /// purchase order), 1 % tried a card once or twice and were turned down.
    /// </summary>
    public void ForAbandonedCheckout(string sessionId, DateTimeOffset startedAt)
    {
        if (!_rng.Chance(0.01)) return;
        var amount = DemoRandom.Money(_rng.LogBetween(40, 3000));
        var attempts = _rng.Chance(0.3) ? 2 : 1;
        for (var i = 0; i < attempts; i++)
        {
            var error = _rng.Chance(0.2);
            Add(null, sessionId, startedAt.AddMinutes(4 + 3 * i + _rng.Next(0, 3)), "card", error ? "error" : "refused",
                error ? _rng.Pick(Errors) : _rng.Pick(Refusals), amount);
        }
    }

    private void Add(string? orderId, string? sessionId, DateTimeOffset at, string method, string status, string? error, decimal amount)
    {
        var fee = status != "authorised" ? 0m
            : method == "card" ? DemoRandom.Money(amount * 0.014m + 0.25m)
            : 0.35m;
        writer.Add(ShopModel.PaymentAttempt,
        [
            $"PA{++_sequence:D8}", orderId, sessionId, at, method, method == "card" ? "stripe" : "gocardless", status, error,
            amount, fee, "EUR",
        ]);
    }
}
