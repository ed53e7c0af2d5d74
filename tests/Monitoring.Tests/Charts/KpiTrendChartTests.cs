using Monitoring.Charts;
using Monitoring.Kpis;
using Monitoring.Kpis.Families;
using SkiaSharp;

namespace Monitoring.Tests.Charts;

public sealed class KpiTrendChartTests
{
    private static readonly SKColor SteelBlue = new(0x46, 0x82, 0xB4);
    private static readonly SKColor DarkOrange = new(0xFF, 0x8C, 0x00);

    /// <summary>13 weeks ending with 2026-W47, the conversion rate rising from 4 % to 6.4 % by 0.2 point a week.</summary>
    private static IReadOnlyList<TrendPoint> Rising() =>
        Period.IsoWeek(2026, 47).Trailing(13).Select((w, i) => new TrendPoint(w, 0.04m + 0.002m * i)).ToList();

    [Fact]
    public void Draws_a_png_of_the_asked_size_with_the_line_and_the_target()
    {
        using var image = SKBitmap.Decode(KpiTrendChart.RenderPng(ConversionKpis.ConversionRate, Rising(), 0.05m, "Conversion rate"));

        Assert.Equal((KpiTrendChart.Width, KpiTrendChart.Height), (image.Width, image.Height));
        Assert.True(Count(image, SteelBlue) > 100);
        Assert.True(Count(image, DarkOrange) > 100);
    }

    [Fact]
    public void Draws_the_sparkline_small_with_the_target_dashed_where_its_value_falls()
    {
        using var withTarget = SKBitmap.Decode(KpiTrendChart.RenderSparklinePng(ConversionKpis.ConversionRate, Rising(), 0.05m));
        using var without = SKBitmap.Decode(KpiTrendChart.RenderSparklinePng(ConversionKpis.ConversionRate, Rising(), null));

        Assert.Equal((120, 32), (withTarget.Width, withTarget.Height));
        Assert.True(Count(withTarget, SteelBlue) > 20);
        Assert.Equal(0, Count(without, Orangish));
        // The axis runs from 4 % and 6.4 % padded by 12 % of their 2.4-point span, 3.712 % to 6.688 %: the 5 % target
        // sits (5 − 3.712) ÷ (6.688 − 3.712) = 0.433 of the height from the bottom.
        var rows = Enumerable.Range(0, withTarget.Height).Where(y => Enumerable.Range(0, withTarget.Width).Count(x => Orangish(withTarget.GetPixel(x, y))) > 20).ToList();
        Assert.NotEmpty(rows);
        var fromBottom = 1 - rows.Average() / (withTarget.Height - 1);
        Assert.InRange(fromBottom, 0.433 - 0.1, 0.433 + 0.1);
    }

    [Fact]
    public void Leaves_out_the_weeks_without_a_value_and_says_so_when_none_has_one()
    {
        var empty = Period.IsoWeek(2026, 47).Trailing(13).Select(w => new TrendPoint(w, null)).ToList();

        using var image = SKBitmap.Decode(KpiTrendChart.RenderPng(BasketKpis.Orders, empty, null, "Orders"));
        using var spark = SKBitmap.Decode(KpiTrendChart.RenderSparklinePng(BasketKpis.Orders, empty, null));

        Assert.Equal(0, Count(image, SteelBlue));
        Assert.Equal(0, Count(spark, SteelBlue));
    }

    [Theory]
    [InlineData(0.05, 5.0)]    // a rate is drawn in percent
    [InlineData(1234.5, 1234.5)]
    public void Draws_rates_in_percent_and_other_units_as_they_are(double value, double drawn) =>
        Assert.Equal(drawn, KpiTrendChart.Scale(value < 1 ? ConversionKpis.ConversionRate : RevenueKpis.NetRevenue, (decimal)value), 6);

    private static int Count(SKBitmap image, SKColor color) => Count(image, c => Near(c, color));

    private static int Count(SKBitmap image, Func<SKColor, bool> match)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
            if (match(image.GetPixel(x, y))) count++;
        return count;
    }

    /// <summary>Dark orange, or dark orange blended with the white background by anti-aliasing (a thin line at this size).</summary>
    private static bool Orangish(SKColor c) => c.Red > 200 && c.Green is > 120 and < 235 && c.Blue < c.Green - 50;

    private static bool Near(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 30;
}
