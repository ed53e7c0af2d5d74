namespace Monitoring.Kpis.Calendar;

/// <summary>
/// The national public holidays built in per country (ISO 3166 alpha-2), and the time zone that implies a country when
/// <c>checks/kpis/calendar.yaml</c> names none. National days only: regional ones (a German Land, a Spanish community)
/// go in the file's <c>days:</c>. The moving feasts are counted from Easter Sunday.
/// </summary>
public static class PublicHolidays
{
    /// <summary>The countries whose holidays are built in.</summary>
    public static IReadOnlyList<string> Countries { get; } = ["AT", "BE", "CH", "DE", "ES", "FR", "GB", "IE", "IT", "LU", "NL", "PL", "PT"];

    /// <summary>The country a shop's time zone implies, or null when it implies none the calendar knows.</summary>
    public static string? CountryOf(string timeZone) => timeZone switch
    {
        "Europe/Vienna" => "AT",
        "Europe/Brussels" => "BE",
        "Europe/Zurich" => "CH",
        "Europe/Berlin" => "DE",
        "Europe/Madrid" => "ES",
        "Europe/Paris" => "FR",
        "Europe/London" => "GB",
        "Europe/Dublin" => "IE",
        "Europe/Rome" => "IT",
        "Europe/Luxembourg" => "LU",
        "Europe/Amsterdam" => "NL",
        "Europe/Warsaw" => "PL",
        "Europe/Lisbon" => "PT",
        _ => null,
    };

    /// <summary>The country's public holidays of one year, each with its name; empty for a country not built in.</summary>
    public static IEnumerable<KeyValuePair<DateOnly, string>> Of(string country, int year)
    {
        var easter = EasterSunday(year);
        KeyValuePair<DateOnly, string> Fixed(int month, int day, string name) => new(new DateOnly(year, month, day), name);
        KeyValuePair<DateOnly, string> Easter(int offset, string name) => new(easter.AddDays(offset), name);
        return country switch
        {
            "AT" => [Fixed(1, 1, "Neujahr"), Fixed(1, 6, "Heilige Drei Könige"), Easter(1, "Ostermontag"), Fixed(5, 1, "Staatsfeiertag"),
                Easter(39, "Christi Himmelfahrt"), Easter(50, "Pfingstmontag"), Easter(60, "Fronleichnam"), Fixed(8, 15, "Mariä Himmelfahrt"),
                Fixed(10, 26, "Nationalfeiertag"), Fixed(11, 1, "Allerheiligen"), Fixed(12, 8, "Mariä Empfängnis"), Fixed(12, 25, "Christtag"),
                Fixed(12, 26, "Stefanitag")],
            "BE" => [Fixed(1, 1, "Nieuwjaar / Nouvel An"), Easter(1, "Paasmaandag / Lundi de Pâques"), Fixed(5, 1, "Dag van de Arbeid / Fête du travail"),
                Easter(39, "O.L.H. Hemelvaart / Ascension"), Easter(50, "Pinkstermaandag / Lundi de Pentecôte"), Fixed(7, 21, "Nationale feestdag / Fête nationale"),
                Fixed(8, 15, "O.L.V. Hemelvaart / Assomption"), Fixed(11, 1, "Allerheiligen / Toussaint"), Fixed(11, 11, "Wapenstilstand / Armistice"),
                Fixed(12, 25, "Kerstmis / Noël")],
            "CH" => [Fixed(1, 1, "Neujahr / Nouvel An"), Easter(39, "Auffahrt / Ascension"), Fixed(8, 1, "Bundesfeier / Fête nationale"),
                Fixed(12, 25, "Weihnachten / Noël")],
            "DE" => [Fixed(1, 1, "Neujahr"), Easter(-2, "Karfreitag"), Easter(1, "Ostermontag"), Fixed(5, 1, "Tag der Arbeit"),
                Easter(39, "Christi Himmelfahrt"), Easter(50, "Pfingstmontag"), Fixed(10, 3, "Tag der Deutschen Einheit"),
                Fixed(12, 25, "1. Weihnachtstag"), Fixed(12, 26, "2. Weihnachtstag")],
            "ES" => [Fixed(1, 1, "Año Nuevo"), Fixed(1, 6, "Epifanía del Señor"), Easter(-2, "Viernes Santo"), Fixed(5, 1, "Fiesta del Trabajo"),
                Fixed(8, 15, "Asunción de la Virgen"), Fixed(10, 12, "Fiesta Nacional de España"), Fixed(11, 1, "Todos los Santos"),
                Fixed(12, 6, "Día de la Constitución"), Fixed(12, 8, "Inmaculada Concepción"), Fixed(12, 25, "Natividad del Señor")],
            "FR" => [Fixed(1, 1, "Jour de l'an"), Easter(1, "Lundi de Pâques"), Fixed(5, 1, "Fête du travail"), Fixed(5, 8, "Victoire 1945"),
                Easter(39, "Ascension"), Easter(50, "Lundi de Pentecôte"), Fixed(7, 14, "Fête nationale"), Fixed(8, 15, "Assomption"),
                Fixed(11, 1, "Toussaint"), Fixed(11, 11, "Armistice"), Fixed(12, 25, "Noël")],
            // England and Wales; Scotland and Northern Ireland add their own days through the file.
            "GB" => [Observed(new DateOnly(year, 1, 1), "New Year's Day"), Easter(-2, "Good Friday"), Easter(1, "Easter Monday"),
                new(FirstMonday(year, 5), "Early May bank holiday"), new(LastMonday(year, 5), "Spring bank holiday"),
                new(LastMonday(year, 8), "Summer bank holiday"), .. ChristmasObserved(year)],
            "IE" => [Fixed(1, 1, "New Year's Day"), new(FirstMonday(year, 2, fromDay: 1, stBrigid: true), "St Brigid's Day"), Fixed(3, 17, "St Patrick's Day"),
                Easter(1, "Easter Monday"), new(FirstMonday(year, 5), "May Day"), new(FirstMonday(year, 6), "June bank holiday"),
                new(FirstMonday(year, 8), "August bank holiday"), new(LastMonday(year, 10), "October bank holiday"),
                Fixed(12, 25, "Christmas Day"), Fixed(12, 26, "St Stephen's Day")],
            "IT" => [Fixed(1, 1, "Capodanno"), Fixed(1, 6, "Epifania"), Easter(1, "Lunedì dell'Angelo"), Fixed(4, 25, "Festa della Liberazione"),
                Fixed(5, 1, "Festa del Lavoro"), Fixed(6, 2, "Festa della Repubblica"), Fixed(8, 15, "Ferragosto"), Fixed(11, 1, "Ognissanti"),
                Fixed(12, 8, "Immacolata Concezione"), Fixed(12, 25, "Natale"), Fixed(12, 26, "Santo Stefano")],
            "LU" => [Fixed(1, 1, "Nouvel An"), Easter(1, "Lundi de Pâques"), Fixed(5, 1, "Fête du travail"), Fixed(5, 9, "Journée de l'Europe"),
                Easter(39, "Ascension"), Easter(50, "Lundi de Pentecôte"), Fixed(6, 23, "Fête nationale"), Fixed(8, 15, "Assomption"),
                Fixed(11, 1, "Toussaint"), Fixed(12, 25, "Noël"), Fixed(12, 26, "Saint-Étienne")],
            "NL" => [Fixed(1, 1, "Nieuwjaarsdag"), Easter(-2, "Goede Vrijdag"), Easter(1, "Tweede Paasdag"), KingsDay(year),
                Easter(39, "Hemelvaartsdag"), Easter(50, "Tweede Pinksterdag"), Fixed(12, 25, "Eerste Kerstdag"), Fixed(12, 26, "Tweede Kerstdag"),
                .. year % 5 == 0 ? [Fixed(5, 5, "Bevrijdingsdag")] : Array.Empty<KeyValuePair<DateOnly, string>>()],
            "PL" => [Fixed(1, 1, "Nowy Rok"), Fixed(1, 6, "Trzech Króli"), Easter(1, "Poniedziałek Wielkanocny"), Fixed(5, 1, "Święto Pracy"),
                Fixed(5, 3, "Święto Konstytucji 3 Maja"), Easter(60, "Boże Ciało"), Fixed(8, 15, "Wniebowzięcie NMP"), Fixed(11, 1, "Wszystkich Świętych"),
                Fixed(11, 11, "Święto Niepodległości"), .. year >= 2025 ? [Fixed(12, 24, "Wigilia")] : Array.Empty<KeyValuePair<DateOnly, string>>(),
                Fixed(12, 25, "Boże Narodzenie"), Fixed(12, 26, "Drugi dzień Bożego Narodzenia")],
            "PT" => [Fixed(1, 1, "Ano Novo"), Easter(-2, "Sexta-feira Santa"), Fixed(4, 25, "Dia da Liberdade"), Fixed(5, 1, "Dia do Trabalhador"),
                Easter(60, "Corpo de Deus"), Fixed(6, 10, "Dia de Portugal"), Fixed(8, 15, "Assunção de Nossa Senhora"), Fixed(10, 5, "Implantação da República"),
                Fixed(11, 1, "Todos os Santos"), Fixed(12, 1, "Restauração da Independência"), Fixed(12, 8, "Imaculada Conceição"), Fixed(12, 25, "Natal")],
            _ => [],
        };
    }

    /// <summary>The peak days every built-in calendar carries: Black Friday and the Cyber Monday after it.</summary>
    public static IEnumerable<KeyValuePair<DateOnly, string>> Peaks(int year)
    {
        var blackFriday = BlackFriday(year);
        return [new(blackFriday, "Black Friday"), new(blackFriday.AddDays(3), "Cyber Monday")];
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The day after the fourth Thursday of November.</summary>
    public static DateOnly BlackFriday(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(21 + 1);
    }

    private static DateOnly FirstMonday(int year, int month, int fromDay = 1, bool stBrigid = false)
    {
        // Ireland's St Brigid's Day is 1 February when that is a Friday, else the first Monday of February.
        if (stBrigid && new DateOnly(year, month, 1).DayOfWeek == DayOfWeek.Friday) return new DateOnly(year, month, 1);
        var first = new DateOnly(year, month, fromDay);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>A bank holiday on a weekend moves to the next Monday (England and Wales).</summary>
    private static KeyValuePair<DateOnly, string> Observed(DateOnly day, string name) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => new(day.AddDays(2), name + " (substitute day)"),
        DayOfWeek.Sunday => new(day.AddDays(1), name + " (substitute day)"),
        _ => new(day, name),
    };

    /// <summary>Christmas and Boxing Day with their substitutes: a weekend Christmas pushes both to the next working days.</summary>
    private static IEnumerable<KeyValuePair<DateOnly, string>> ChristmasObserved(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => [new(christmas, "Christmas Day"), new(christmas.AddDays(3), "Boxing Day (substitute day)")],
            DayOfWeek.Saturday => [new(christmas.AddDays(2), "Christmas Day (substitute day)"), new(christmas.AddDays(3), "Boxing Day (substitute day)")],
            DayOfWeek.Sunday => [new(christmas.AddDays(1), "Boxing Day"), new(christmas.AddDays(2), "Christmas Day (substitute day)")],
            _ => [new(christmas, "Christmas Day"), new(christmas.AddDays(1), "Boxing Day")],
        };
    }

    /// <summary>King's Day is 27 April, or the 26th when the 27th is a Sunday.</summary>
    private static KeyValuePair<DateOnly, string> KingsDay(int year)
    {
        var day = new DateOnly(year, 4, 27);
        return new(day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day, "Koningsdag");
    }
}
