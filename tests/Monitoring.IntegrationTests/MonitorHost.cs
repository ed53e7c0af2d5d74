using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monitoring.Checks;

namespace Monitoring.IntegrationTests;

/// <summary>The real service on a real loopback port, built exactly as `monitoring serve` builds it.</summary>
public sealed class MonitorHost : IAsyncDisposable
{
    private MonitorHost(WebApplication app, string baseAddress)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<MonitorHost> StartAsync(string checksFolder, IReadOnlyDictionary<string, string?> settings,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var app = MonitoringApp.TryBuild([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                [MonitoringApp.ChecksPathKey] = checksFolder,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }, variables, out var errors);
        if (app is null) throw new InvalidChecksException(errors);
        await app.StartAsync();
        return new MonitorHost(app, AddressOf(app));
    }

    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
