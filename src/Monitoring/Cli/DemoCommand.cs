using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Monitoring.Cli;

/// <summary>
/// <c>monitoring demo</c>: the whole product on one machine with nothing installed: the demo shop on one port, the
/// service on another (embedded SQLite and in-memory Hangfire unless configured otherwise), probing the shop with
/// the repository's checks/. Only this verb knows the demo shop exists.
/// </summary>
public static class DemoCommand
{
    /// <summary>The variable the demo checks use for the shop's base URL.</summary>
    public const string ShopUrlVariable = "SHOP_URL";

    /// <summary>The variable the demo checks use for the shop's host:port (tcp and tls probes).</summary>
    public const string ShopAddressVariable = "SHOP_ADDRESS";

    /// <summary>The variable the demo sources use to find their sample files inside the checks folder, wherever it is.</summary>
    public const string ChecksDirectoryVariable = "CHECKS_DIR";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the monitoring service", DefaultValueFactory = _ => 5000 };
        var shopPort = new Option<int>("--shop-port") { Description = "Port of the demo shop", DefaultValueFactory = _ => 5080 };
        var checks = new Option<string?>("--checks") { Description = "The checks folder (default ./checks)" };
        var command = new Command("demo", "Run the service and the demo shop together, probing the shop.") { port, shopPort, checks };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, _) => RunAsync(result.GetValue(port), result.GetValue(shopPort),
            ServeCommand.HostArguments(result.UnmatchedTokens, result.GetValue(checks)), Path.GetFullPath(result.GetValue(checks) ?? "checks")));
        return command;
    }

    private static async Task<int> RunAsync(int port, int shopPort, string[] hostArgs, string checksDirectory)
    {
        var shop = DemoShop.DemoShopApp.Create([], $"http://127.0.0.1:{shopPort}");
        await shop.StartAsync();
        var shopUrl = shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var variables = new Dictionary<string, string>
        {
            [ShopUrlVariable] = shopUrl,
            [ShopAddressVariable] = new Uri(shopUrl).Authority,
            [ChecksDirectoryVariable] = checksDirectory,
        };
        var exit = await ServeCommand.RunAsync(hostArgs, variables,
            builder =>
            {
                builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
                builder.Services.AddHostedService<Shop.Demo.DemoDataLoader>();
                builder.Configuration[Shop.Demo.DemoDataLoader.MediaBaseUrlKey] = shopUrl.TrimEnd('/') + "/media";
            },
            app =>
            {
                var url = app.Urls.First();
                Console.WriteLine();
                Console.WriteLine($"  shopmon demo is running (Ctrl+C to stop)");
                Console.WriteLine($"  monitoring:  {url}/            probes, last results, 24 h success");
                Console.WriteLine($"  metrics:     {url}/metrics     Prometheus format");
                Console.WriteLine($"  jobs:        {url}/hangfire    the Hangfire dashboard");
                Console.WriteLine($"  imports:     {url}/data/imports  the shop's data: imports and quarantined rows");
                Console.WriteLine($"  demo shop:   {shopUrl}/");
                Console.WriteLine("  demo data:   two years of the demo shop's history load in the background on first start (about 20 s)");
                if (app.Services.GetRequiredService<Access.AccessOptions>().LocalMode)
                    Console.WriteLine("  access:      local mode: no user is configured, so this machine is admin without signing in");
                Console.WriteLine();
            });
        await shop.StopAsync();
        await shop.DisposeAsync();
        return exit;
    }
}
