using System.Text.RegularExpressions;
using Monitoring.Quality.Validators;
using Monitoring.Shop.Demo;

namespace Monitoring.Tests.Shop.Demo;

/// <summary>
/// Every defect the report counts is found by recounting the rows the way a quality rule would, and every defect is
/// present: the counts are exact, so quality rules can be checked against them.
/// </summary>
public sealed class DemoDefectsTests(SmallDemoRun small) : IClassFixture<SmallDemoRun>
{
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant);

    private readonly DemoRun _run = small.Run;

    public static TheoryData<string> Defects => new(DemoDefects.All);

    [Theory]
    [MemberData(nameof(Defects))]
    public void The_report_counts_what_the_rows_hold(string defect)
    {
        var found = Recount(_run, defect);

        Assert.True(found > 0, $"no {defect} in the rows");
        Assert.Equal(_run.Report.DefectsOf(defect), found);
    }

    [Fact]
    public void Every_defect_is_counted_at_its_documented_rate()
    {
        var report = _run.Report;
        Assert.Equal(DemoDefects.CountFor(DemoDefects.InvalidGtinRate, (int)report.RowsOf("product")), report.DefectsOf(DemoDefects.InvalidGtin));
        Assert.Equal(DemoDefects.CountFor(DemoDefects.InvalidEmailRate, (int)report.RowsOf("contact")), report.DefectsOf(DemoDefects.InvalidEmail));
        Assert.Equal(report.RowsOf("order_line") / 5_000, report.DefectsOf(DemoDefects.OrphanOrderLine));
    }

    [Fact]
    public void Vat_numbers_pass_the_rules_validator_except_the_injected_ones()
    {
        var accounts = _run["account"];
        var rejected = accounts.Rows.Select(r => accounts.Maybe<string>(r, "vat_number")).Where(v => v is not null && !EuVatValidator.IsValid(v)).ToList();

        Assert.Equal(_run.Report.DefectsOf(DemoDefects.InvalidVat), rejected.Count);
        // Every country the demo uses, each with numbers the validator accepts.
        var accepted = accounts.Rows.Select(r => accounts.Maybe<string>(r, "vat_number")).Where(EuVatValidator.IsValid).ToList();
        Assert.Equal(DemoVatNumbers.Countries.Order(), accepted.Select(v => v![..2]).Distinct().Order());
    }

    [Theory]
    [InlineData("FR")] [InlineData("BE")] [InlineData("DE")] [InlineData("IT")] [InlineData("ES")] [InlineData("NL")]
    [InlineData("LU")] [InlineData("PT")] [InlineData("AT")] [InlineData("IE")] [InlineData("PL")]
    public void Every_generated_number_of_every_country_passes_the_rules_validator(string country)
    {
        var rng = new Random(11);
        var refused = Enumerable.Range(0, 2_000).Select(_ => DemoVatNumbers.Generate(country, rng)).Where(v => EuVatValidator.Error(v) is not null)
            .Select(v => $"{v}: {EuVatValidator.Error(v)}").Take(3).ToList();

        Assert.Empty(refused);
    }

    [Fact]
    public void Gtin_check_digits_are_valid_except_the_injected_ones()
    {
        var products = _run["product"];
        var invalid = products.Rows.Count(r => !Gtin.IsValid(products.Get<string>(r, "gtin")));

        Assert.Equal(_run.Report.DefectsOf(DemoDefects.InvalidGtin), invalid);
    }

    private static long Recount(DemoRun run, string defect)
    {
        var products = run["product"];
        var media = run["media"];
        var stock = run["stock"];
        var accounts = run["account"];
        var contacts = run["contact"];
        return defect switch
        {
            DemoDefects.InvalidGtin => products.Rows.Count(r => !Gtin.IsValid(products.Get<string>(r, "gtin"))),
            DemoDefects.DuplicateGtin => products.Count - products.Rows.Select(r => products.Get<string>(r, "gtin")).Distinct().Count(),
            DemoDefects.MissingImages => products.Count - media.Rows.Select(r => media.Get<string>(r, "sku")).Distinct().Count(),
            DemoDefects.BrokenMedia => media.Rows.Count(r => media.Get<string>(r, "status") == "broken" && media.Get<long>(r, "bytes") == 0),
            DemoDefects.LowResolutionImage => media.Rows.Count(r => media.Get<string>(r, "kind") == "image" && media.Raw(r, "width") is long w
                && Math.Max(w, media.Get<long>(r, "height")) < 1000),
            DemoDefects.MissingAltText => media.Rows.Count(r => media.Raw(r, "alt_text") is null),
            DemoDefects.ShortDescription => products.Rows.Count(r => products.Maybe<string>(r, "description") is { Length: < 50 }),
            DemoDefects.MissingDescription => products.Rows.Count(r => products.Raw(r, "description") is null),
            DemoDefects.PriceBelowCost => products.Rows.Count(r => products.Get<decimal>(r, "list_price") < products.Get<decimal>(r, "unit_cost")),
            DemoDefects.TierPriceRising => TiersRising(run),
            DemoDefects.MissingWeight => products.Rows.Count(r => products.Raw(r, "weight_kg") is null),
            DemoDefects.NegativeStock => stock.Rows.Count(r => stock.Get<decimal>(r, "quantity") < 0),
            DemoDefects.StaleStock => stock.Rows.Count(r =>
                stock.Get<DateTimeOffset>(r, "updated_at") < new DateTimeOffset(DemoRun.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1)),
            DemoDefects.InvalidVat => accounts.Rows.Count(r => !DemoVatNumbers.IsValid(accounts.Maybe<string>(r, "vat_number"))),
            DemoDefects.VatCountryMismatch => accounts.Rows.Count(r => accounts.Maybe<string>(r, "vat_number") is var vat
                && DemoVatNumbers.IsValid(vat) && DemoVatNumbers.CountryOf(vat) != accounts.Get<string>(r, "country")),
            DemoDefects.DuplicateAccount => DuplicateAccounts(run),
            DemoDefects.ConsentWithoutTimestamp => contacts.Rows.Count(r => contacts.Get<bool>(r, "consent_email") && contacts.Raw(r, "consent_email_at") is null),
            DemoDefects.InvalidEmail => contacts.Rows.Count(r => !Email.IsMatch(contacts.Get<string>(r, "email"))),
            DemoDefects.OrphanOrderLine => OrphanLines(run),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, "no recount for it"),
        };
    }

    private static long TiersRising(DemoRun run)
    {
        var tiers = run["tier_price"];
        return tiers.Rows
            .GroupBy(r => (tiers.Get<string>(r, "sku"), tiers.Get<string>(r, "price_list")))
            .Where(g => g.OrderBy(r => tiers.Get<long>(r, "min_qty")).Select(r => tiers.Get<decimal>(r, "unit_price"))
                .Zip(g.OrderBy(r => tiers.Get<long>(r, "min_qty")).Skip(1).Select(r => tiers.Get<decimal>(r, "unit_price")))
                .Any(p => p.Second > p.First))
            .Select(g => g.Key.Item1).Distinct().Count();
    }

    /// <summary>Accounts beyond the first with the same company name and billing postcode.</summary>
    private static long DuplicateAccounts(DemoRun run)
    {
        var accounts = run["account"];
        var addresses = run["address"];
        var billing = addresses.Rows.Where(r => addresses.Get<string>(r, "kind") == "billing")
            .ToDictionary(r => addresses.Get<string>(r, "account_id"), r => addresses.Get<string>(r, "postcode"));
        return accounts.Rows.GroupBy(r => (accounts.Get<string>(r, "name"), billing[accounts.Get<string>(r, "id")])).Sum(g => g.Count() - 1);
    }

    private static long OrphanLines(DemoRun run)
    {
        var products = run["product"];
        var skus = products.Rows.Select(r => products.Get<string>(r, "sku")).ToHashSet();
        var lines = run["order_line"];
        return lines.Rows.Count(r => !skus.Contains(lines.Get<string>(r, "sku")));
    }
}
