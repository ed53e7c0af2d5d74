using DemoShop;
using DemoShop.Faults;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.Tls;

namespace Monitoring.IntegrationTests.Probes.Tls;

/// <summary>The demo shop's expired-certificate fault, seen by the tls probe as ops would see it.</summary>
public sealed class DemoShopCertificateTests
{
    [Theory]
    [InlineData(false, ProbeOutcome.Pass, "")]
    [InlineData(true, ProbeOutcome.Fail, "certificate: expired")]
    public async Task The_tls_probe_fails_on_the_shops_expired_certificate(bool expired, ProbeOutcome outcome, string message)
    {
        await using var shop = await DemoShopHost.StartAsync(new DemoShopOptions
        {
            HttpsPort = 0,
            Faults = new FaultSettings(new FaultSpec { ExpiredCertificate = expired }),
        });
        using var folder = new TempFolder().WithProbes($"""
            probes:
              - id: shop-certificate
                kind: tls
                target: {new Uri(shop.HttpsUrl!).Authority}
                expect: {"{"} valid_chain: false {"}"}    # the demo shop's certificate is self-signed; its dates still count
            """);
        var checks = new CheckSetLoader([ProbeKind.Create<TlsProbe, TlsProbeSettings>("tls")], VariableExpander.FromEnvironment())
            .LoadOrThrow(folder.Checks);
        await using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProvider();

        var result = await ActivatorUtilities.CreateInstance<TlsProbe>(services).RunAsync(checks.Probes.Single(), CancellationToken.None);

        Assert.True(result.Outcome == outcome, result.Message);
        Assert.Contains(message, result.Message);
    }
}
