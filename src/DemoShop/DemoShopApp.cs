using System.Net;
using DemoShop.Accounts;
using DemoShop.Api;
using DemoShop.Catalog;
using DemoShop.Faults;
using DemoShop.Hosting;
using DemoShop.Ordering;
using DemoShop.Pages;

namespace DemoShop;

/// <summary>
/// A small B2B storefront to monitor: catalogue, sign-in, cart, checkout, orders, quotes, the same path as JSON, and
/// faults to switch on (<c>/_faults</c>). Everything lives in memory; one instance is one shop.
/// </summary>
public static class DemoShopApp
{
    public static WebApplication Create(string[] args, string url) => Create(args, url, new DemoShopOptions());

    public static WebApplication Create(string[] args, string url, DemoShopOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(DemoShopApp).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var section = builder.Configuration.GetSection("DemoShop");
        var faults = options.Faults ?? new FaultSettings();
        if (section.GetSection("Faults").Exists()) faults.Set(section.GetSection("Faults").Get<FaultSpec>() ?? FaultSpec.None);
        var clock = options.Clock ?? TimeProvider.System;
        var httpsPort = options.HttpsPort ?? section.GetValue<int?>("HttpsPort");

        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new ShopCatalog(options.Products ?? BuiltInCatalog.Products));
        builder.Services.AddSingleton(new SessionStore(DemoAccounts.All));
        builder.Services.AddSingleton<Pricing>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<Shopping>();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "demoshop_antiforgery");
        builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));

        if (httpsPort is { } port) ListenWithHttps(builder, url, port, faults, new ShopCertificates(clock));
        else builder.WebHost.UseUrls(url);

        var app = builder.Build();
        app.UseRouting();
        app.UseShopFaults();

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapShopFaults();
        app.MapStorefront();
        app.MapAccountPages();
        app.MapCartPages();
        app.MapCheckoutPages();
        app.MapOrderPages();
        app.MapQuotePages();
        app.MapShopApi();
        app.MapProductMedia();
        return app;
    }

    /// <summary>
    /// Kestrel ignores <c>UseUrls</c> once an endpoint is configured in code, so with HTTPS both endpoints are
    /// listened to explicitly: the HTTP one of <paramref name="url"/> and HTTPS on <paramref name="httpsPort"/>.
    /// </summary>
    private static void ListenWithHttps(WebApplicationBuilder builder, string url, int httpsPort, FaultSettings faults, ShopCertificates certificates)
    {
        var http = new Uri(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Listen(int port, Action<Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions>? configure = null)
            {
                if (http.IsLoopback && http.Host == "localhost") kestrel.ListenLocalhost(port, o => configure?.Invoke(o));
                else kestrel.Listen(IPAddress.Parse(http.Host.Trim('[', ']')), port, o => configure?.Invoke(o));
            }
            Listen(http.Port);
            Listen(httpsPort, o => o.UseHttps(https => https.ServerCertificateSelector = (_, _) =>
                faults.Current.ExpiredCertificate ? certificates.Expired : certificates.Valid));
        });
    }
}
