namespace Monitoring.Shop.Demo;

/// <summary>
/// A customer company of the demo shop and how it behaves: how often it orders, from which day, whether and when it
/// slows down and stops (churn), what it usually buys and at what discount.
/// </summary>
internal sealed class DemoAccount
{
    public const string Distributor = "distributor", Reseller = "reseller", SmallBusiness = "small_business", KeyAccount = "key_account";

    public required int Index { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Country { get; init; }
    public required string Segment { get; init; }
    public required string PriceList { get; init; }
    public required string SalesRep { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required string AcquisitionChannel { get; init; }
    public required string BillingPostcode { get; init; }
    public required string BillingCity { get; init; }
    public required string Locale { get; init; }

    public string? VatNumber { get; set; }
    public string? ParentId { get; set; }
    public string Status { get; set; } = "active";

    /// <summary>The day it placed its first possible order (the Paris day it was opened).</summary>
    public DateOnly OpenedDay { get; init; }

    /// <summary>Orders per month at full pace, before the calendar's weights.</summary>
    public double MonthlyRate { get; set; }

    /// <summary>The day it stops ordering; it slows down over the 120 days before. MaxValue when it never churns.</summary>
    public DateOnly ChurnDay { get; set; } = DateOnly.MaxValue;

    /// <summary>Off list price, for lines without a tier in its price list.</summary>
    public decimal Discount { get; set; }

    public string PreferredPayment { get; set; } = "transfer_30d";

    /// <summary>Indexes of the products it reorders most.</summary>
    public int[] Favourites { get; set; } = [];

    /// <summary>Contact ids; the first is the main buyer.</summary>
    public List<string> ContactIds { get; } = [];

    /// <summary>How active it is on a day, 0 to 1: ramping up over its first 60 days, slowing before it churns.</summary>
    public double Activity(DateOnly day)
    {
        if (day < OpenedDay || day >= ChurnDay) return 0;
        var sinceOpen = day.DayNumber - OpenedDay.DayNumber;
        var ramp = sinceOpen >= 60 ? 1.0 : 0.4 + 0.6 * sinceOpen / 60.0;
        var beforeChurn = ChurnDay.DayNumber - day.DayNumber;
        var fade = beforeChurn >= 120 ? 1.0 : 0.15 + 0.85 * beforeChurn / 120.0;
        return ramp * fade;
    }
}
