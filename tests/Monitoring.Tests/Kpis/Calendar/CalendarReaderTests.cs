using Monitoring.Checks;
using Monitoring.Kpis.Calendar;

namespace Monitoring.Tests.Kpis.Calendar;

/// <summary>checks/kpis/calendar.yaml read with the rest of checks/: into the check set, or refused with file, line and key.</summary>
public sealed class CalendarReaderTests
{
    private static (CheckSet? Checks, IReadOnlyList<string> Errors) Load(string yaml)
    {
        using var folder = new TempChecksFolder(("kpis/calendar.yaml", yaml));
        var (checks, errors) = CheckSetLoader.Default().Load(folder.Checks);
        return (checks, errors.Select(e => e.ToString()).ToList());
    }

    [Fact]
    public void Reads_the_country_the_peaks_and_the_days()
    {
        var (checks, errors) = Load("""
            country: de
            peaks: false
            days:
              - { name: Winterschlussverkauf, from: 2027-01-25, to: 2027-02-06 }
              - { name: Heiligabend, date: 12-24 }
              - { name: Inventur, date: 2026-12-30 }
            """);

        Assert.Empty(errors);
        var calendar = checks!.KpiCalendar;
        Assert.Equal("DE", calendar.Country);
        Assert.False(calendar.BuiltInPeaks);
        Assert.Equal(3, calendar.Days.Count);
        var built = calendar.Build("Europe/Paris", 2026, 2027);
        Assert.Equal("Winterschlussverkauf", built.NameOf(new DateOnly(2027, 2, 6)));
        Assert.Equal("Heiligabend", built.NameOf(new DateOnly(2026, 12, 24)));
        Assert.Equal("Inventur", built.NameOf(new DateOnly(2026, 12, 30)));
        Assert.Equal("Tag der Deutschen Einheit", built.NameOf(new DateOnly(2026, 10, 3)));
        Assert.False(built.IsSpecial(new DateOnly(2026, 7, 14))); // the file's country, not the time zone's
    }

    [Theory]
    [InlineData("country: XX\n", "checks/kpis/calendar.yaml:1 country: 'XX' is not a country with built-in holidays")]
    [InlineData("days:\n  - { name: Sale, date: 2026-13-01 }\n", "checks/kpis/calendar.yaml:2 days[0].date: '2026-13-01' is not a date")]
    [InlineData("days:\n  - { name: Sale, from: 2026-01-10 }\n", "checks/kpis/calendar.yaml:2 days[0]: to: is missing")]
    [InlineData("days:\n  - { name: Sale, from: 2026-02-10, to: 2026-01-10 }\n", "checks/kpis/calendar.yaml:2 days[0].to: 2026-01-10 is before from: 2026-02-10")]
    [InlineData("days:\n  - { name: Summer, from: 2026-06-01, to: 2026-09-30 }\n", "checks/kpis/calendar.yaml:2 days[0].to: the span covers 122 days; at most 92")]
    [InlineData("days:\n  - { date: 2026-05-01 }\n", "checks/kpis/calendar.yaml:2 days[0].name: required")]
    [InlineData("days:\n  - { name: Sale, date: 2026-05-01, from: 2026-05-01, to: 2026-05-02 }\n", "checks/kpis/calendar.yaml:2 days[0]: write either date:")]
    [InlineData("days:\n  - { name: Sale, dates: 2026-05-01 }\n", "checks/kpis/calendar.yaml:2 days[0].dates")]
    [InlineData("peak: true\n", "checks/kpis/calendar.yaml:1 peak")]
    public void Refuses_a_mistake_naming_the_file_line_and_key(string yaml, string expected)
    {
        var (checks, errors) = Load(yaml);

        Assert.Null(checks);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Loads_the_repository_calendar()
    {
        var checks = CheckSetLoader.Default().LoadOrThrow(Path.Combine(RepositoryRoot.Find(), "checks"));

        var calendar = checks.KpiCalendar.Build(checks.Settings.TimeZone, 2026, 2026);
        Assert.Equal("Soldes d'hiver", calendar.NameOf(new DateOnly(2026, 1, 20)));
        Assert.Equal("Armistice", calendar.NameOf(new DateOnly(2026, 11, 11)));
    }
}
