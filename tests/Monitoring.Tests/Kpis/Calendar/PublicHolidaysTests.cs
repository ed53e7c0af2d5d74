using Monitoring.Kpis.Calendar;

namespace Monitoring.Tests.Kpis.Calendar;

/// <summary>The built-in national holidays, checked against the published dates of 2026 and 2027.</summary>
public sealed class PublicHolidaysTests
{
    [Theory]
    // Germany 2026: Good Friday 3 April, Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May, Unity Day 3 October.
    [InlineData("DE", "2026-04-03", "Karfreitag")]
    [InlineData("DE", "2026-05-25", "Pfingstmontag")]
    [InlineData("DE", "2026-10-03", "Tag der Deutschen Einheit")]
    // England and Wales 2026: Early May 4 May, Spring 25 May, Summer 31 August; 2027: Christmas on a Saturday moves to the 27th, Boxing Day to the 28th.
    [InlineData("GB", "2026-05-04", "Early May bank holiday")]
    [InlineData("GB", "2026-05-25", "Spring bank holiday")]
    [InlineData("GB", "2026-08-31", "Summer bank holiday")]
    [InlineData("GB", "2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("GB", "2027-12-28", "Boxing Day (substitute day)")]
    // Ireland 2026: St Brigid's Day is the first Monday of February (2 February); 2027: 1 February is a Monday.
    [InlineData("IE", "2026-02-02", "St Brigid's Day")]
    [InlineData("IE", "2027-02-01", "St Brigid's Day")]
    // The Netherlands: King's Day 27 April 2026 (a Monday); in 2031 the 27th is a Sunday, so the 26th.
    [InlineData("NL", "2026-04-27", "Koningsdag")]
    [InlineData("NL", "2031-04-26", "Koningsdag")]
    // Austria and Poland keep Corpus Christi, 60 days after Easter: 4 June 2026.
    [InlineData("AT", "2026-06-04", "Fronleichnam")]
    [InlineData("PL", "2026-06-04", "Boże Ciało")]
    [InlineData("PL", "2026-12-24", "Wigilia")]
    [InlineData("ES", "2026-10-12", "Fiesta Nacional de España")]
    [InlineData("IT", "2026-06-02", "Festa della Repubblica")]
    [InlineData("BE", "2026-07-21", "Nationale feestdag / Fête nationale")]
    [InlineData("FR", "2026-05-14", "Ascension")]
    public void Knows_the_national_holiday(string country, string date, string name)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd");

        var calendar = new CalendarDefinition { Country = country }.Build("UTC", day.Year, day.Year);

        Assert.Equal(name, calendar.NameOf(day));
    }

    [Fact]
    public void Counts_the_days_of_a_year()
    {
        int Count(string country) => new CalendarDefinition { Country = country, BuiltInPeaks = false }.Build("UTC", 2026, 2026) is var c
            ? Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).Count(c.IsSpecial) : 0;

        Assert.Equal(11, Count("FR"));
        Assert.Equal(9, Count("DE"));
        Assert.Equal(8, Count("GB"));
        Assert.Equal(13, Count("AT"));
    }

    [Fact]
    public void Takes_the_country_from_the_time_zone_unless_the_file_names_one()
    {
        Assert.Equal("DE", CalendarDefinition.Default.CountryFor("Europe/Berlin"));
        Assert.Null(CalendarDefinition.Default.CountryFor("America/New_York"));
        Assert.Equal("FR", new CalendarDefinition { Country = "FR" }.CountryFor("Europe/Berlin"));
        Assert.Null(new CalendarDefinition { Country = "none" }.CountryFor("Europe/Paris"));
    }

    [Fact]
    public void Carries_black_friday_and_cyber_monday_as_peaks_unless_turned_off()
    {
        var withPeaks = CalendarDefinition.Default.Build("America/New_York", 2026, 2026);
        var without = new CalendarDefinition { BuiltInPeaks = false }.Build("America/New_York", 2026, 2026);

        Assert.Equal("Black Friday", withPeaks.NameOf(new DateOnly(2026, 11, 27)));
        Assert.Equal("Cyber Monday", withPeaks.NameOf(new DateOnly(2026, 11, 30)));
        Assert.False(without.IsSpecial(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void Puts_the_shops_own_days_first_and_repeats_a_yearly_one()
    {
        var calendar = new CalendarDefinition
        {
            Country = "FR",
            Days =
            [
                new CalendarDay("Fête de la maison") { From = new DateOnly(2026, 5, 14), To = new DateOnly(2026, 5, 14) },
                new CalendarDay("Réveillon") { Yearly = (12, 24) },
                new CalendarDay("Leap") { Yearly = (2, 29) },
            ],
        }.Build("UTC", 2026, 2028);

        Assert.Equal("Fête de la maison", calendar.NameOf(new DateOnly(2026, 5, 14))); // also Ascension: the shop's name wins
        Assert.Equal("Réveillon", calendar.NameOf(new DateOnly(2027, 12, 24)));
        Assert.Equal("Leap", calendar.NameOf(new DateOnly(2028, 2, 29)));
        Assert.False(calendar.IsSpecial(new DateOnly(2027, 2, 28)));
    }
}
