using System.Globalization;
using System.Text;
using Bogus;

namespace Monitoring.Shop.Demo;

/// <summary>
/// The people and addresses of each account: a main buyer and up to three more (approvers, prescribers), with
/// e-mails on the company's domain, phones in the country's format and consent flags; a billing address and one or
/// more delivery addresses. Rows are in the model's field order.
/// </summary>
internal static class DemoContacts
{
    private static readonly string[] OtherRoles = ["approver", "prescriber", "buyer"];

    public static (List<object?[]> Contacts, List<object?[]> Addresses) Build(DemoDataOptions options, DemoCalendar calendar,
        IReadOnlyList<DemoAccount> accounts, Dictionary<string, long> defects)
    {
        var rng = DemoRandom.For(options.Seed, DemoRandom.Contacts);
        var addressRng = DemoRandom.For(options.Seed, DemoRandom.Addresses);
        var fakers = DemoCountries.All.ToDictionary(c => c.Code,
            c => new Faker(c.Locale) { Random = new Randomizer(DemoRandom.SeedFor(options.Seed, DemoRandom.Contacts * 100 + c.Code[0] * 31 + c.Code[1])) });
        var contacts = new List<object?[]>(accounts.Count * 3);
        var addresses = new List<object?[]>(accounts.Count * 3);
        foreach (var a in accounts)
        {
            var country = DemoCountries.Get(a.Country);
            var faker = fakers[a.Country];
            var domain = Slug(a.Name.Split(' ')[0]) + "-" + a.Id[^3..] + "." + country.Tld;
            var count = a.Segment switch
            {
                DemoAccount.SmallBusiness => rng.Next(1, 3),
                DemoAccount.Reseller => rng.Next(1, 4),
                _ => rng.Next(2, 5),
            };
            for (var c = 0; c < count; c++)
            {
                var (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
                var id = $"{a.Id}-C{c + 1}";
                a.ContactIds.Add(id);
                var createdDay = DateOnly.FromDayNumber(Math.Min(calendar.End.DayNumber,
                    DemoCalendar.LocalDay(a.OpenedAt).DayNumber + (c == 0 ? 0 : rng.Next(0, 400))));
                var created = DemoCalendar.Utc(createdDay, DemoCalendar.OfficeHour(rng));
                var emailConsent = rng.Chance(0.6);
                var phoneConsent = rng.Chance(0.3);
                contacts.Add(
                [
                    id, a.Id, $"{first} {last}", $"{Slug(first)}.{Slug(last)}@{domain}", rng.Pattern(country.Phone),
                    c == 0 ? "buyer" : rng.Pick(OtherRoles), emailConsent, emailConsent ? ConsentAt(rng, calendar, created) : null,
                    phoneConsent, phoneConsent ? ConsentAt(rng, calendar, created) : null, created,
                ]);
            }
            AddAddresses(addressRng, faker, a, country, addresses);
        }
        InjectContactDefects(options, contacts, defects);
        return (contacts, addresses);
    }

    private static DateTimeOffset ConsentAt(Random rng, DemoCalendar calendar, DateTimeOffset created)
    {
        var at = created.AddMinutes(rng.Chance(0.7) ? rng.Next(1, 30) : rng.Next(60, 60 * 24 * 200));
        return at > calendar.EndUtc ? created : at;
    }

    private static void AddAddresses(Random rng, Faker faker, DemoAccount a, DemoCountry country, List<object?[]> rows)
    {
        rows.Add([$"{a.Id}-B", a.Id, "billing", faker.Address.StreetAddress(), a.BillingPostcode, a.BillingCity, a.Country, rng.Chance(0.92)]);
        var deliveries = a.Segment switch
        {
            DemoAccount.SmallBusiness => 1,
            DemoAccount.Reseller => rng.Next(1, 3),
            _ => rng.Next(1, 6),
        };
        for (var d = 1; d <= deliveries; d++)
        {
            var sameAsBilling = d == 1 && rng.Chance(0.6);
            var postcode = sameAsBilling ? a.BillingPostcode
                : a.Country == "FR" ? $"{rng.Next(1, 96):D2}{rng.Next(0, 1000):D3}" : rng.Pattern(country.Postcode);
            rows.Add([$"{a.Id}-D{d}", a.Id, "delivery", faker.Address.StreetAddress(), postcode,
                sameAsBilling ? a.BillingCity : faker.Address.City(), a.Country, rng.Chance(0.9)]);
        }
    }

    /// <summary>E-mail consent recorded without its timestamp, and malformed e-mails.</summary>
    private static void InjectContactDefects(DemoDataOptions options, List<object?[]> contacts, Dictionary<string, long> defects)
    {
        var rng = DemoRandom.For(options.Seed, DemoRandom.Defects * 10 + 2);
        var n = contacts.Count;
        var noTimestamp = DemoRandom.Pick(rng, n, DemoDefects.CountFor(DemoDefects.ConsentWithoutTimestampRate, n));
        var badEmail = DemoRandom.Pick(rng, n, DemoDefects.CountFor(DemoDefects.InvalidEmailRate, n));
        for (var i = 0; i < n; i++)
        {
            if (noTimestamp[i]) (contacts[i][6], contacts[i][7]) = (true, null);
            if (badEmail[i])
            {
                var email = (string)contacts[i][3]!;
                var at = email.IndexOf('@');
                contacts[i][3] = rng.Next(4) switch
                {
                    0 => email.Replace("@", "."), // no @
                    1 => email[..email.LastIndexOf('.')], // no domain suffix
                    2 => email[..at] + " @" + email[(at + 1)..], // a space before the @
                    _ => email.Replace("@", "@@"),
                };
            }
        }
        defects[DemoDefects.ConsentWithoutTimestamp] = noTimestamp.Count(b => b);
        defects[DemoDefects.InvalidEmail] = badEmail.Count(b => b);
    }

    /// <summary>Lower-case ASCII letters and digits of a name ("Noël D'Arras" → "noeldarras"), never empty.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(lower);
            else if (lower == 'ł') sb.Append('l');
            else if (lower == 'ß') sb.Append("ss");
        }
        return sb.Length > 0 ? sb.ToString() : "contact";
    }
}
