using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using global::DemoShop;
using global::DemoShop.Faults;

namespace Monitoring.IntegrationTests.DemoShop;

/// <summary>The HTTPS port's self-signed certificate: valid normally, expired with the expired_certificate fault.</summary>
public sealed class CertificateTests
{
    [Fact]
    public async Task The_https_port_presents_a_valid_certificate_normally()
    {
        await using var shop = await DemoShopHost.StartAsync(new DemoShopOptions { HttpsPort = 0 });

        var certificate = await CertificateOfAsync(shop.HttpsUrl!);

        Assert.True(certificate.NotAfter > DateTime.Now.AddDays(30));
        Assert.True(certificate.NotBefore < DateTime.Now);
        Assert.Equal("ok", await HttpsClient().GetStringAsync($"{shop.HttpsUrl}/healthz"));
    }

    [Fact]
    public async Task The_expired_certificate_fault_at_start_presents_an_expired_certificate()
    {
        await using var shop = await DemoShopHost.StartAsync(new DemoShopOptions
        {
            HttpsPort = 0,
            Faults = new FaultSettings(new FaultSpec { ExpiredCertificate = true }),
        });

        var certificate = await CertificateOfAsync(shop.HttpsUrl!);

        Assert.True(certificate.NotAfter < DateTime.Now);
        await Assert.ThrowsAsync<HttpRequestException>(() => new HttpClient().GetAsync($"{shop.HttpsUrl}/healthz"));
    }

    [Fact]
    public async Task The_certificate_fault_can_be_switched_at_runtime_for_new_connections()
    {
        await using var shop = await DemoShopHost.StartAsync(new DemoShopOptions { HttpsPort = 0 });
        using var client = new HttpClient();

        await client.PostAsync($"{shop.Url}/_faults", new StringContent("""{ "expired_certificate": true }""", System.Text.Encoding.UTF8, "application/json"));
        var expired = await CertificateOfAsync(shop.HttpsUrl!);
        await client.PostAsync($"{shop.Url}/_faults", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var valid = await CertificateOfAsync(shop.HttpsUrl!);

        Assert.True(expired.NotAfter < DateTime.Now);
        Assert.True(valid.NotAfter > DateTime.Now);
    }

    [Fact]
    public async Task Without_an_https_port_the_shop_serves_http_only()
    {
        await using var shop = await DemoShopHost.StartAsync();

        Assert.Null(shop.HttpsUrl);
    }

    private static HttpClient HttpsClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.RemoteCertificateChainErrors,
    });

    private static async Task<X509Certificate2> CertificateOfAsync(string httpsUrl)
    {
        var uri = new Uri(httpsUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        X509Certificate2? seen = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            seen = new X509Certificate2(certificate!);
            return true;
        });
        await tls.AuthenticateAsClientAsync("localhost");
        return seen!;
    }
}
