using Monitoring.Kpis.Calendar;
using Monitoring.Kpis.Anomalies;
using Xunit.Abstractions;

namespace Monitoring.Tests.Kpis;

public sealed class AnomalyDetectorTests(ITestOutputHelper output)
{
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly BusinessCalendar France = new CalendarDefinition { Country = "FR" }.Build("UTC", 2024, 2026);
    private static readonly double[] WeekdayFactor = [0.2, 1.1, 1.15, 1.1, 1.05, 0.9, 0.3]; // Sunday first, as DayOfWeek

    /// <summary>
    /// Three years of daily orders with a weekly shape, a slow trend, 6 % noise, holidays at a quarter of normal and Black
    /// Friday at two and a half times; then 30 drops of 30 to 55 % and spikes of 35 to 80 % injected on ordinary days.
    /// </summary>
    private static (List<SeriesPoint> Series, HashSet<DateOnly> Injected) OrdersWithAnomalies(int seed)
    {
        var random = new Random(seed);
        var days = Enumerable.Range(0, 3 * 365).Select(i => First.AddDays(i)).ToList();
        var injected = days.Skip(70).Where(d => !France.IsSpecial(d)).OrderBy(_ => random.Next()).Take(30).ToHashSet();
        var series = days.Select((day, t) =>
        {
            var expected = 200 * WeekdayFactor[(int)day.DayOfWeek] * (1 + 0.0003 * t);
            if (France.NameOf(day) is { } name) expected *= name == "Black Friday" ? 2.5 : 0.25;
            var value = expected * (1 + 0.06 * Normal(random));
            if (injected.Contains(day)) value *= random.Next(2) == 0 ? 0.45 + 0.25 * random.NextDouble() : 1.35 + 0.45 * random.NextDouble();
            return new SeriesPoint(day, Math.Round(Math.Max(value, 0)));
        }).ToList();
        return (series, injected);
    }

    /// <summary>
    /// Three years of abandonment at the payment step: about 150 sessions reach it on weekdays and 30 on weekends, 20 %
    /// abandon; on 20 injected days a payment fault makes 50 % abandon, or a fix makes 2 %.
    /// </summary>
    private static (List<SeriesPoint> Series, HashSet<DateOnly> Injected) AbandonmentWithAnomalies(int seed)
    {
        var random = new Random(seed);
        var days = Enumerable.Range(0, 3 * 365).Select(i => First.AddDays(i)).ToList();
        var injected = days.Skip(70).Where(d => !France.IsSpecial(d) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .OrderBy(_ => random.Next()).Take(20).ToHashSet();
        var series = days.Select(day =>
        {
            var sessions = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 30 : 150;
            var p = injected.Contains(day) ? (random.Next(2) == 0 ? 0.5 : 0.02) : 0.2;
            var abandoned = Enumerable.Range(0, sessions).Count(_ => random.NextDouble() < p);
            return new SeriesPoint(day, (double)abandoned / sessions, sessions);
        }).ToList();
        return (series, injected);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private (double Precision, double Recall) Score(string name, IReadOnlyList<Anomaly> flagged, HashSet<DateOnly> injected)
    {
        var hits = flagged.Count(a => injected.Contains(a.Day));
        var precision = flagged.Count == 0 ? 0 : (double)hits / flagged.Count;
        var recall = (double)hits / injected.Count;
        output.WriteLine($"{name}: {flagged.Count} flagged, {hits} of {injected.Count} injected found; precision {precision:0.000}, recall {recall:0.000}");
        return (precision, recall);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Finds_injected_drops_and_spikes_in_daily_orders_with_few_false_alarms(int seed)
    {
        var (series, injected) = OrdersWithAnomalies(seed);

        var (precision, recall) = Score($"orders, seed {seed}", AnomalyDetector.Detect(series, SeriesGrain.Day, France), injected);

        Assert.True(precision >= 0.8, $"precision {precision:0.000}");
        Assert.True(recall >= 0.8, $"recall {recall:0.000}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Finds_payment_faults_in_a_ratio_and_ignores_thin_days(int seed)
    {
        var (series, injected) = AbandonmentWithAnomalies(seed);

        var flagged = AnomalyDetector.Detect(series, SeriesGrain.Day, France, new AnomalySettings { MinimumDenominator = 50 });
        var (precision, recall) = Score($"payment abandonment, seed {seed}", flagged, injected);

        Assert.DoesNotContain(flagged, a => a.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday); // 30 sessions < 50
        Assert.True(precision >= 0.8, $"precision {precision:0.000}");
        Assert.True(recall >= 0.8, $"recall {recall:0.000}");
    }

    [Fact]
    public void Neither_flags_holidays_nor_lets_them_drag_the_baseline_down()
    {
        var (series, _) = OrdersWithAnomalies(4);

        var flagged = AnomalyDetector.Detect(series, SeriesGrain.Day, France);
        var withoutCalendar = AnomalyDetector.Detect(series, SeriesGrain.Day);

        Assert.DoesNotContain(flagged, a => France.IsSpecial(a.Day));
        Assert.Contains(withoutCalendar, a => France.NameOf(a.Day) == "Noël"); // what the calendar is for
    }

    [Fact]
    public void Reports_the_expected_value_the_actual_and_the_robust_z_of_a_drop()
    {
        // Eight Mondays of 100, 104, 96, 100, 102, 98, 100, 100 and then 40: median 100, MAD 2 floored to 5 % = 5.
        double[] mondays = [100, 104, 96, 100, 102, 98, 100, 100, 40];
        var series = mondays.Select((v, i) => new SeriesPoint(new DateOnly(2026, 1, 5).AddDays(7 * i), v)).ToList();

        var anomaly = Assert.Single(AnomalyDetector.Detect(series));

        Assert.Equal((AnomalyDirection.Drop, 40.0, 100.0, 5.0), (anomaly.Direction, anomaly.Actual, anomaly.Expected, anomaly.Mad));
        Assert.Equal(0.6745 * -60 / 5, anomaly.RobustZ, 6);
    }

    [Theory]
    [InlineData(5.0, 0)] // baseline of 5 orders a Monday: under the minimum of 20, never judged
    [InlineData(100.0, 1)]
    public void Does_not_judge_a_count_whose_baseline_is_too_small(double level, int expected)
    {
        var series = Enumerable.Range(0, 9).Select(i => new SeriesPoint(new DateOnly(2026, 1, 5).AddDays(7 * i), i == 8 ? 0 : level));

        Assert.Equal(expected, AnomalyDetector.Detect(series).Count);
    }

    [Fact]
    public void Waits_for_enough_baseline_points_before_judging()
    {
        var series = Enumerable.Range(0, 4).Select(i => new SeriesPoint(new DateOnly(2026, 1, 5).AddDays(7 * i), i == 3 ? 0 : 100));

        Assert.Empty(AnomalyDetector.Detect(series));
    }

    [Fact]
    public void Judges_weekly_series_against_the_previous_weeks_and_skips_weeks_with_a_holiday()
    {
        // Weeks from Monday 5 January 2026: 1000 orders each, except week 10 (a drop) and the Easter Monday week (a holiday week).
        var mondays = Enumerable.Range(0, 20).Select(i => new DateOnly(2026, 1, 5).AddDays(7 * i)).ToList();
        var easterWeek = mondays.Single(m => m == PublicHolidays.EasterSunday(2026).AddDays(1));
        var series = mondays.Select((m, i) => new SeriesPoint(m, i == 10 ? 600 : m == easterWeek ? 500 : 1000));

        var flagged = AnomalyDetector.Detect(series, SeriesGrain.Week, France);

        Assert.Equal([mondays[10]], flagged.Select(a => a.Day));
    }

    [Theory]
    [InlineData(2024, "2024-03-31", "2024-11-29")]
    [InlineData(2026, "2026-04-05", "2026-11-27")]
    [InlineData(2027, "2027-03-28", "2027-11-26")]
    public void Knows_easter_and_black_friday(int year, string easter, string blackFriday)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(DateOnly.Parse(easter, culture), PublicHolidays.EasterSunday(year));
        Assert.Equal(DateOnly.Parse(blackFriday, culture), PublicHolidays.BlackFriday(year));
    }

    [Fact]
    public void Lists_the_eleven_french_public_holidays()
    {
        var calendar = new CalendarDefinition { Country = "FR", BuiltInPeaks = false }.Build("UTC", 2026, 2026);
        var holidays = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).Count(calendar.IsSpecial);

        Assert.Equal(11, holidays);
        Assert.Equal("Ascension", calendar.NameOf(new DateOnly(2026, 5, 14)));
    }
}
