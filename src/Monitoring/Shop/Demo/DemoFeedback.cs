using Monitoring.Shop.Model;

namespace Monitoring.Shop.Demo;

/// <summary>
/// What customers say: support tickets (about orders, or about their account), product reviews (1-5) after some
/// deliveries and NPS answers (0-10) each quarter from a share of accounts; accounts about to churn answer lower.
/// </summary>
internal sealed class DemoFeedback(DemoDataOptions options, DemoCalendar calendar, DemoCatalog catalog, DemoBatchWriter writer)
{
    private static readonly (string, double)[] OrderCategories =
        [("invoice_question", 0.35), ("order_change", 0.25), ("product_info", 0.2), ("price_question", 0.2)];

    private static readonly (string, double)[] AccountCategories =
        [("account_access", 0.35), ("product_info", 0.3), ("price_question", 0.2), ("invoice_question", 0.15)];

    private static readonly (string, double)[] TicketChannels = [("email", 0.45), ("phone", 0.38), ("chat", 0.12), ("sales_rep", 0.05)];

    private static readonly string[][] Comments =
    [
        ["Produit décevant, ne correspond pas à la description.", "Cassé au bout d'une semaine."],
        ["Qualité moyenne pour le prix.", "Emballage abîmé à la livraison."],
        ["Correct, sans plus.", "Fait le travail."],
        ["Bon produit, livraison rapide.", "Conforme à nos attentes, nous recommanderons."],
        ["Excellent rapport qualité-prix.", "Parfait, nos équipes l'adoptent."],
    ];

    private readonly Random _tickets = DemoRandom.For(options.Seed, DemoRandom.Aftersales * 10 + 1);
    private readonly Random _reviews = DemoRandom.For(options.Seed, DemoRandom.Reviews);
    private long _ticketCount, _reviewCount;

    public DemoCatalog Catalog => catalog;

    /// <summary>A ticket opened at that time, resolved hours or days later (still open when that is after history).</summary>
    public void Ticket(DemoAccount a, string? orderId, DateTimeOffset createdAt, string? category)
    {
        var rng = _tickets;
        category ??= rng.Weighted(orderId is null ? AccountCategories : OrderCategories);
        var channel = rng.Weighted(TicketChannels);
        var resolvedAt = createdAt.AddMinutes(Math.Round(rng.LogNormal(Math.Log(60 * 20), 1.2)));
        if (createdAt > calendar.EndUtc || createdAt < calendar.StartUtc) return;
        writer.Add(ShopModel.SupportTicket,
        [
            $"T{++_ticketCount:D7}", a.Id, orderId, createdAt, resolvedAt <= calendar.EndUtc ? resolvedAt : null, category, channel,
        ]);
    }

    /// <summary>A review of a delivered or returned product by 1.2 % of buyers; <paramref name="maxScore"/> 0 for no cap.</summary>
    public void ProductReview(DemoAccount a, string sku, DateTimeOffset after, int maxScore)
    {
        var rng = _reviews;
        if (!rng.Chance(maxScore > 0 ? 0.15 : 0.012)) return;
        var score = 1 + rng.Weighted([0.03, 0.05, 0.12, 0.35, 0.45]);
        if (maxScore > 0) score = Math.Min(score, maxScore);
        var answeredAt = after.AddDays(rng.Next(2, 30)).AddMinutes(rng.Next(0, 600));
        if (answeredAt > calendar.EndUtc) return;
        writer.Add(ShopModel.Review,
        [
            $"RV{++_reviewCount:D7}", "product", a.Id, a.ContactIds[0], sku, (long)score, rng.Pick(Comments[score - 1]), answeredAt,
        ]);
    }

    /// <summary>
    /// Each quarter 12 % of the accounts that ordered during it answer the NPS survey (accounts within 120 days of churn
    /// score lower), and any account may open a ticket about its account (1.5 % a month).
    /// </summary>
    public void AccountsOverHistory(IReadOnlyList<DemoAccount> accounts)
    {
        var rng = _reviews;
        for (var month = new DateOnly(calendar.Start.Year, calendar.Start.Month, 1); month <= calendar.End; month = month.AddMonths(1))
        {
            foreach (var a in accounts)
            {
                var mid = month.AddDays(14);
                if (a.Activity(mid) <= 0) continue;
                if (_tickets.Chance(0.015))
                    Ticket(a, null, DemoCalendar.Utc(month.AddDays(_tickets.Next(0, 28)), DemoCalendar.OfficeHour(_tickets)), null);
                if (month.Month % 3 != 0 || !rng.Chance(0.12)) continue;
                var churning = a.ChurnDay.DayNumber - mid.DayNumber < 120;
                var score = (int)Math.Clamp(Math.Round(rng.Normal(churning ? 5.0 : 8.0, churning ? 2.2 : 1.6)), 0, 10);
                var answeredAt = DemoCalendar.Utc(month.AddDays(rng.Next(0, 28)), DemoCalendar.OfficeHour(rng));
                if (answeredAt > calendar.EndUtc || answeredAt < calendar.StartUtc) continue;
                var contact = a.ContactIds[rng.Next(a.ContactIds.Count)];
                writer.Add(ShopModel.Review,
                [
                    $"RV{++_reviewCount:D7}", "nps", a.Id, contact, null, (long)score,
                    score >= 9 ? "Service fiable, on recommande." : score <= 6 ? "Délais et suivi à améliorer." : null, answeredAt,
                ]);
            }
        }
    }
}
