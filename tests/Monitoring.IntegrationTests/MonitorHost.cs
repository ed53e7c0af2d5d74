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
        IReadOnlyDictionary<string, string>? variables = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = MonitoringApp.TryBuild([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                [MonitoringApp.ChecksPathKey] = checksFolder,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        }, variables, out var errors);
        if (app is null) throw new InvalidChecksException(errors);
        await app.StartAsync();
        return new MonitorHost(app, AddressOf(app));
    }

    /// <summary>A client of its own, with a cookie jar and no redirect following, signed in through the login form.</summary>
    public async Task<HttpClient> SignInAsync(string name, string password)
    {
        var client = NewClient();
        var response = await client.PostAsync("/login", await LoginFormAsync(client, name, password));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {name} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A client with a cookie jar that does not follow redirects, signed in as nobody.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = Client.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The login form filled in, with the anti-forgery token of a fresh GET /login.</summary>
    public static async Task<FormUrlEncodedContent> LoginFormAsync(HttpClient client, string name, string password) =>
        new([new("name", name), new("password", password), new("__RequestVerificationToken", await AntiforgeryTokenAsync(client, "/login"))]);

    /// <summary>The anti-forgery token of a page's form (the cookie half stays in the client's jar).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!match.Success) throw new InvalidOperationException($"no anti-forgery token on {page}");
        return match.Groups[1].Value;
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
