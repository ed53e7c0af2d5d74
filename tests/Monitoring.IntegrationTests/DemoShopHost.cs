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
        var url = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        // The first answer of each page compiles its code: taken here, so that probes with sub-second timeouts do not
        // meet a cold shop under a loaded test run. Faults set through the options may make these fail: that is fine.
        using (var warm = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
            foreach (var path in new[] { "/", "/products/GLV-NIT-100", "/healthz" })
                try { (await warm.GetAsync(url + path)).Dispose(); } catch (HttpRequestException) { }
        return new DemoShopHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
