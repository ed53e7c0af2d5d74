using Monitoring.Quality;
using Monitoring.Quality.Media;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>The demo shop serves the files the demo's media rows name, as the media probe sees them.</summary>
public sealed class ProductMediaTests : IAsyncLifetime
{
    private DemoShopHost _shop = null!;

    public async Task InitializeAsync() => _shop = await DemoShopHost.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Images_of_the_named_size_a_data_sheet_and_404s()
    {
        var probe = new HttpMediaProbe(new HttpClient(), new MediaProbeOptions());

        var jpeg = await probe.ProbeAsync($"{_shop.Url}/media/p/OUT-001/1-1600x1200.jpg", default);
        var png = await probe.ProbeAsync($"{_shop.Url}/media/p/OUT-001/2-400x300.png", default);
        var pdf = await probe.ProbeAsync($"{_shop.Url}/media/p/OUT-001/fiche-technique.pdf", default);
        var gone = await probe.ProbeAsync($"{_shop.Url}/media/p/OUT-001/1-gone.jpg", default);

        Assert.Equal((206, "image/jpeg", 1600, 1200), (jpeg.StatusCode, jpeg.ContentType, jpeg.Width, jpeg.Height));
        Assert.True(jpeg.Bytes > 0);
        Assert.Equal((206, "image/png", 400, 300), (png.StatusCode, png.ContentType, png.Width, png.Height));
        Assert.Equal((200, "application/pdf"), (pdf.StatusCode, pdf.ContentType));
        Assert.Equal(new MediaProbeResult(404), gone);
    }
}
