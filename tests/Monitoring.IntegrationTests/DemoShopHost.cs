using DemoShop;
using DemoShop.Faults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Monitoring.IntegrationTests;

/// <summary>The demo shop on a free loopback port, as the probes' target.</summary>
public sealed class DemoShopHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoShopHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        HttpsUrl = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal));
    }

    public string Url { get; }

    /// <summary>The HTTPS address when started with <see cref="DemoShopOptions.HttpsPort"/>, else null.</summary>
    public string? HttpsUrl { get; }

    /// <summary>The shop's fault switches, to change without going through <c>/_faults</c>.</summary>
    public FaultSettings Faults => _app.Services.GetRequiredService<FaultSettings>();

    public IServiceProvider Services => _app.Services;

    public static Task<DemoShopHost> StartAsync() => StartAsync(new DemoShopOptions());

    public static async Task<DemoShopHost> StartAsync(DemoShopOptions options, string[]? args = null)
    {
        var app = DemoShopApp.Create(args ?? [], "http://127.0.0.1:0", options);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new DemoShopHost(app, addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
