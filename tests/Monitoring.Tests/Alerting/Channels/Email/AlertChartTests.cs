using Monitoring.Alerting.Channels.Email;
using static Monitoring.Tests.Alerting.AlertContexts;

namespace Monitoring.Tests.Alerting.Channels.Email;

public sealed class AlertChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Renders_a_png_of_the_size_the_html_announces()
    {
        var png = AlertChart.RenderPng(Context());

        Assert.Equal(PngSignature, png[..8]);
        // IHDR: width and height, big-endian, at bytes 16 to 23.
        Assert.Equal((AlertChart.Width, AlertChart.Height),
            (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public void Really_draws_its_text()
    {
        // Same data, another check id in the title: without a usable font both would be the same picture.
        var context = Context();
        var renamed = context with { Incident = context.Incident with { CheckId = "product-page-2" } };

        Assert.NotEqual(AlertChart.RenderPng(context), AlertChart.RenderPng(renamed));
    }

    [Fact]
    public void Renders_a_window_without_runs()
    {
        var png = AlertChart.RenderPng(Context() with { RecentResults = [] });

        Assert.Equal(PngSignature, png[..8]);
    }
}
