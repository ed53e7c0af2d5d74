using Bogus;

namespace Monitoring.Shop.Demo;

/// <summary>
/// Builds the customer accounts: segments, countries, price lists, sales reps, parents, opening dates, VAT numbers,
/// ordering behaviour (rhythm, churn, favourites) and the account defects.
/// </summary>
internal static class DemoAccounts
{
    public static IReadOnlyList<string> SalesReps { get; } =
    [
        "Camille Laurent", "Julien Moreau", "Sophie Girard", "Thomas Lefèvre", "Claire Fontaine", "Nicolas Bertrand",
        "Émilie Rousseau", "Maxime Chevalier", "Isabelle Perrin", "Antoine Garnier", "Lucie Marchand", "Hugo Vasseur",
    ];

    private static readonly (string, double)[] Segments =
        [(DemoAccount.SmallBusiness, 0.65), (DemoAccount.Reseller, 0.20), (DemoAccount.KeyAccount, 0.10), (DemoAccount.Distributor, 0.05)];

    private static readonly (string, double)[] OldChannels = [("sales_rep", 0.4), ("trade_show", 0.2), ("erp_migration", 0.25), ("referral", 0.15)];

    private static readonly (string, double)[] NewChannels =
        [("organic", 0.3), ("paid_search", 0.22), ("sales_rep", 0.2), ("referral", 0.1), ("marketplace", 0.08), ("trade_show", 0.1)];

    public static List<DemoAccount> Build(DemoDataOptions options, DemoCalendar calendar, DemoCatalog catalog,
        Dictionary<string, long> defects)
    {
        var n = options.Scaled(3000, 40);
        var rng = DemoRandom.For(options.Seed, DemoRandom.Accounts);
        var fakers = DemoCountries.All.ToDictionary(c => c.Code,
            c => new Faker(c.Locale) { Random = new Randomizer(DemoRandom.SeedFor(options.Seed, DemoRandom.Names * 100 + c.Code[0] * 31 + c.Code[1])) });
        var countries = DemoCountries.All.Select(c => (c.Code, c.Share)).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<DemoAccount>(n + n / 50);

        for (var i = 0; i < n; i++)
        {
            var country = DemoCountries.Get(rng.Weighted(countries));
            var segment = rng.Weighted(Segments);
            var faker = fakers[country.Code];
            string name;
            do name = $"{faker.Company.CompanyName()} {rng.Pick(country.LegalForms)}";
            while (!names.Add(name));
            var openedDay = rng.Chance(0.6)
                ? calendar.Start.AddDays(-rng.Next(1, 10 * 365))
                : calendar.Start.AddDays(rng.Next(0, calendar.Days));
            var id = $"A{i + 1:D6}";
            var postcode = country.Code == "FR" ? $"{rng.Next(1, 96):D2}{rng.Next(0, 1000):D3}" : rng.Pattern(country.Postcode);
            accounts.Add(new DemoAccount
            {
                Index = i,
                Id = id,
                Name = name,
                Country = country.Code,
                Segment = segment,
                PriceList = segment switch
                {
                    DemoAccount.KeyAccount => DemoPriceLists.Key(id),
                    DemoAccount.Distributor => DemoPriceLists.Distributor,
                    DemoAccount.Reseller => DemoPriceLists.Reseller,
                    _ => DemoPriceLists.Public,
                },
                SalesRep = SalesReps[rng.Next(SalesReps.Count)],
                OpenedDay = openedDay,
                OpenedAt = DemoCalendar.Utc(openedDay, DemoCalendar.OfficeHour(rng)),
                AcquisitionChannel = rng.Weighted(openedDay < calendar.Start ? OldChannels : NewChannels),
                BillingPostcode = postcode,
                BillingCity = faker.Address.City(),
                Locale = country.Code switch { "FR" or "BE" or "LU" => "fr-FR", "DE" or "AT" => "de-DE", _ => "en-GB" },
                VatNumber = DemoVatNumbers.Generate(country.Code, rng),
            });
            Behave(rng, calendar, catalog, accounts[i]);
        }

        AssignParents(rng, accounts);
        InjectVatDefects(options, accounts, defects);
        AddDuplicates(options, rng, calendar, catalog, accounts, defects);
        return accounts;
    }

    /// <summary>Ordering rhythm, churn, discount, payment habit and favourite products.</summary>
    private static void Behave(Random rng, DemoCalendar calendar, DemoCatalog catalog, DemoAccount a)
    {
        var perMonth = a.Segment switch
        {
            DemoAccount.KeyAccount => 5.0,
            DemoAccount.Distributor => 5.0,
            DemoAccount.Reseller => 2.6,
            _ => 0.8,
        };
        a.MonthlyRate = rng.Chance(0.04) ? 0 : perMonth * rng.LogNormal(-0.18, 0.6); // a few never order
        if (rng.Chance(0.28))
        {
            var from = Math.Max(a.OpenedDay.DayNumber + 150, calendar.Start.DayNumber + 30);
            a.ChurnDay = DateOnly.FromDayNumber(from + rng.Next(0, Math.Max(1, calendar.End.DayNumber + 200 - from)));
            if (a.ChurnDay < calendar.End.AddDays(-365) && rng.Chance(0.4)) a.Status = "closed";
            else if (a.ChurnDay < calendar.End && rng.Chance(0.08)) a.Status = "blocked";
        }
        a.Discount = a.Segment == DemoAccount.KeyAccount
            ? Math.Round((decimal)rng.Between(0.12, 0.28), 2)
            : DemoPriceLists.Discount(a.PriceList);
        a.PreferredPayment = a.Segment switch
        {
            DemoAccount.SmallBusiness => rng.Weighted([("card", 0.55), ("transfer_30d", 0.3), ("direct_debit", 0.15)]),
            DemoAccount.Reseller => rng.Weighted([("transfer_30d", 0.6), ("direct_debit", 0.25), ("card", 0.15)]),
            _ => rng.Weighted([("transfer_30d", 0.9), ("direct_debit", 0.1)]),
        };
        var favourites = new HashSet<int>();
        var wanted = rng.Next(6, a.Segment == DemoAccount.SmallBusiness ? 15 : 31);
        for (var tries = 0; favourites.Count < wanted && tries < wanted * 5; tries++)
            favourites.Add(rng.Cumulative(catalog.CumulativePopularity));
        a.Favourites = favourites.Order().ToArray();
    }

    /// <summary>Franchisees and members of a purchasing central: small businesses and resellers under a bigger account.</summary>
    private static void AssignParents(Random rng, List<DemoAccount> accounts)
    {
        var heads = accounts.Where(a => a.Segment is DemoAccount.Distributor or DemoAccount.KeyAccount).ToArray();
        if (heads.Length == 0) return;
        foreach (var a in accounts)
            if (a.Segment is DemoAccount.SmallBusiness or DemoAccount.Reseller && rng.Chance(0.07))
            {
                var head = rng.Pick(heads);
                if (head.OpenedDay < a.OpenedDay) a.ParentId = head.Id;
            }
    }

    private static void InjectVatDefects(DemoDataOptions options, List<DemoAccount> accounts, Dictionary<string, long> defects)
    {
        var rng = DemoRandom.For(options.Seed, DemoRandom.Defects * 10 + 1);
        var n = accounts.Count;
        var invalid = DemoRandom.Pick(rng, n, DemoDefects.CountFor(DemoDefects.InvalidVatRate, n));
        var mismatch = DemoRandom.Pick(rng, n, DemoDefects.CountFor(DemoDefects.VatCountryMismatchRate, n), invalid);
        for (var i = 0; i < n; i++)
        {
            var a = accounts[i];
            if (invalid[i]) a.VatNumber = DemoVatNumbers.Corrupt(a.VatNumber!, rng);
            if (mismatch[i])
            {
                var other = DemoCountries.All.Where(c => c.Code != a.Country).ToArray();
                a.VatNumber = DemoVatNumbers.Generate(rng.Pick(other).Code, rng);
            }
        }
        defects[DemoDefects.InvalidVat] = invalid.Count(b => b);
        defects[DemoDefects.VatCountryMismatch] = mismatch.Count(b => b);
    }

    /// <summary>The same company opened a second time (a rep and a web sign-up), same name, VAT and billing postcode.</summary>
    private static void AddDuplicates(DemoDataOptions options, Random rng, DemoCalendar calendar, DemoCatalog catalog,
        List<DemoAccount> accounts, Dictionary<string, long> defects)
    {
        var n = accounts.Count;
        var sources = accounts.Where(a => DemoVatNumbers.IsValid(a.VatNumber) && DemoVatNumbers.CountryOf(a.VatNumber) == a.Country
            && a.Segment != DemoAccount.KeyAccount).ToArray();
        var count = Math.Min(sources.Length, DemoDefects.CountFor(DemoDefects.DuplicateAccountRate, n));
        rng.Shuffle(sources);
        foreach (var source in sources.Take(count))
        {
            var openedDay = DateOnly.FromDayNumber(Math.Max(source.OpenedDay.DayNumber, calendar.Start.DayNumber) + rng.Next(1, calendar.Days / 2));
            var copy = new DemoAccount
            {
                Index = accounts.Count,
                Id = $"A{accounts.Count + 1:D6}",
                Name = source.Name,
                Country = source.Country,
                Segment = source.Segment,
                PriceList = source.PriceList,
                SalesRep = rng.Pick(SalesReps),
                OpenedDay = openedDay,
                OpenedAt = DemoCalendar.Utc(openedDay, DemoCalendar.OfficeHour(rng)),
                AcquisitionChannel = "organic",
                BillingPostcode = source.BillingPostcode,
                BillingCity = source.BillingCity,
                Locale = source.Locale,
                VatNumber = source.VatNumber,
            };
            Behave(rng, calendar, catalog, copy);
            copy.MonthlyRate *= 0.3;
            accounts.Add(copy);
        }
        defects[DemoDefects.DuplicateAccount] = count;
    }
}
