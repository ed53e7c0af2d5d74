using Monitoring.Kpis.Calendar;
using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;
using Monitoring.Kpis.Families;

namespace Monitoring.Tests.Kpis;

public sealed class KpiHistoryTests
{
    // Sunday 22 November 2026 ends ISO week 2026-W47.
    private static readonly DateOnly LastDay = new(2026, 11, 22);

    /// <summary>100 orders every day from the first day the history reads, except the days given.</summary>
    private static DailyFactsSet Orders(params (DateOnly Day, long Orders)[] except)
    {
        var special = except.ToDictionary(e => e.Day, e => e.Orders);
        return new DailyFactsSet(new Period(PeriodKind.Day, KpiHistory.LoadFrom(LastDay), LastDay).EachDay()
            .Select(d => new DailyFacts(d, SegmentKey.All, new FactSums { Orders = special.GetValueOrDefault(d, 100) })));
    }

    [Fact]
    public void Shows_8_weeks_of_days_and_53_iso_weeks()
    {
        var history = KpiHistory.Of(BasketKpis.Orders, SegmentKey.All, LastDay, Orders(), BusinessCalendar.None);

        Assert.Equal(56, history.Daily.Count);
        Assert.Equal((new DateOnly(2026, 9, 28), LastDay), (history.Daily[0].Day, history.Daily[^1].Day));
        Assert.Equal(53, history.Weekly.Count);
        Assert.Equal((Period.IsoWeek(2025, 47).Start, Period.IsoWeek(2026, 47).Start), (history.Weekly[0].Day, history.Weekly[^1].Day));
        Assert.All(history.Weekly, p => Assert.Equal(700, p.Value));
        Assert.Empty(history.DailyAnomalies);
        Assert.Empty(history.WeeklyAnomalies);
    }

    [Fact]
    public void Flags_a_day_against_its_same_weekday_baseline_even_at_the_start_of_the_window()
    {
        // The first day shown (Monday 28 September) is judged on the 8 Mondays before it, which the history reads too.
        var spike = new DateOnly(2026, 9, 28);
        var drop = new DateOnly(2026, 11, 18);
        var beforeWindow = new DateOnly(2026, 9, 1);

        var history = KpiHistory.Of(BasketKpis.Orders, SegmentKey.All, LastDay, Orders((spike, 300), (drop, 10), (beforeWindow, 500)), BusinessCalendar.None);

        Assert.Equal([(spike, AnomalyDirection.Spike, 300.0, 100.0), (drop, AnomalyDirection.Drop, 10.0, 100.0)],
            history.DailyAnomalies.Select(a => (a.Day, a.Direction, a.Actual, a.Expected)));
        // The weeks: 700 a week; the MAD of a flat baseline is floored at 5 % of 700 = 35, so a week is flagged beyond
        // 3.5 × 35 ÷ 0.6745 = 181.6 from 700. W36 (the day before the window, +400: 1,100) and W40 (the spike, +200:
        // 900) are; W47 (the drop, −90: 610) is not.
        Assert.Equal([(Period.IsoWeek(2026, 36).Start, 1100.0), (Period.IsoWeek(2026, 40).Start, 900.0)],
            history.WeeklyAnomalies.Select(a => (a.Day, a.Actual)));
    }

    [Fact]
    public void Does_not_flag_a_holiday()
    {
        var armistice = new DateOnly(2026, 11, 11);

        var history = KpiHistory.Of(BasketKpis.Orders, SegmentKey.All, LastDay, Orders((armistice, 5)), new CalendarDefinition { Country = "FR" }.Build("UTC", 2024, 2026));

        Assert.Empty(history.DailyAnomalies);
    }

    [Fact]
    public void Uses_the_french_calendar_for_a_shop_in_paris_only()
    {
        var paris = KpiHistory.CalendarFor(CalendarDefinition.Default, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), LastDay);
        var utc = KpiHistory.CalendarFor(CalendarDefinition.Default, TimeZoneInfo.Utc, LastDay);

        Assert.Equal("Armistice", paris.NameOf(new DateOnly(2026, 11, 11)));
        Assert.False(utc.IsSpecial(new DateOnly(2026, 11, 11)));
    }

    [Fact]
    public void Has_a_formula_in_words_for_every_kpi() =>
        Assert.Empty(KpiCatalog.All.Select(k => k.Id).Except(KpiFormulas.Ids));
}
