using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitoring.Probes;
using Monitoring.Probes.Http;

namespace Monitoring.IntegrationTests.Probes.Http;

/// <summary>A real Kestrel server on a loopback port with the endpoints a test maps (over https when given a
/// certificate), and the service's probe runner to probe it with.</summary>
internal sealed class HttpTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServiceProvider _services;

    private HttpTarget(WebApplication app, ServiceProvider services)
    {
        _app = app;
        _services = services;
        Url = MonitorHost.AddressOf(app);
    }

    /// <summary>The server's base address, like <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    public static async Task<HttpTarget> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateBuilder();
        if (certificate is null)
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        else
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddProbes();
        return new HttpTarget(app, services.BuildServiceProvider());
    }

    public Uri At(string path) => new(Url + path);

    public Task<ProbeResult> RunAsync(HttpProbeSettings settings, TimeSpan? timeout = null)
    {
        var definition = new ProbeDefinition("target", "target", "http", TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(5),
            null, settings, "test:1");
        return _services.GetRequiredService<ProbeRunner>().RunAsync(definition, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A self-signed server certificate for the given DNS names and IP addresses, loaded with its key.</summary>
    public static X509Certificate2 SelfSignedCertificate(string[] dnsNames, IPAddress[] addresses, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsNames.FirstOrDefault() ?? "shopmon-test"}", key, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) names.AddDnsName(name);
        foreach (var address in addresses) names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        // Reloaded from PKCS#12 so that the key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
