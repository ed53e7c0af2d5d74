namespace Monitoring.IntegrationTests;

/// <summary>The demo shop on a free loopback port, as the probes' target.</summary>
public sealed class DemoShopHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoShopHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<DemoShopHost> StartAsync()
    {
        var app = DemoShop.DemoShopApp.Create([], "http://127.0.0.1:0");
        await app.StartAsync();
        return new DemoShopHost(app, MonitorHost.AddressOf(app));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
