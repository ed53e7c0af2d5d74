using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.Tls;
using Monitoring.TestSupport;

namespace Monitoring.IntegrationTests.Probes.Tls;

/// <summary>
/// The tls probe against real TLS servers on loopback, configured through YAML as a user would: every way a
/// certificate can be wrong, and what the result says about it.
/// </summary>
public sealed class TlsProbeTests : IDisposable
{
    private static readonly TimeSpan Plenty = TimeSpan.FromDays(89.5);

    private readonly TempFolder _folder = new();
    private readonly X509Certificate2 _authority = TestCertificates.Authority("Shopmon Test CA");
    private readonly string _trustedCa;
    private readonly ServiceProvider _services;

    public TlsProbeTests()
    {
        _trustedCa = Path.Combine(_folder.Root, "internal-ca.pem");
        File.WriteAllText(_trustedCa, TestCertificates.Pem(_authority));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        _services = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _authority.Dispose();
        _folder.Dispose();
    }

    /// <summary>Runs a probe whose keys after <c>kind: tls</c> are <paramref name="keys"/>, read by the real loader.</summary>
    private async Task<ProbeResult> RunAsync(string keys, TimeSpan? timeout = null)
    {
        var indented = string.Join("\n", keys.Replace("{ca}", _trustedCa).Split('\n').Select(line => "    " + line));
        _folder.WithProbes($"probes:\n  - id: cert\n    kind: tls\n{indented}\n");
        var checks = new CheckSetLoader([ProbeKind.Create<TlsProbe, TlsProbeSettings>("tls")], VariableExpander.FromEnvironment())
            .LoadOrThrow(_folder.Checks);
        var settings = checks.Probes.Single().Settings;

        var probe = ActivatorUtilities.CreateInstance<TlsProbe>(_services);
        var definition = new ProbeDefinition("t", "t", "tls", TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(5), null,
            settings, "test:1");
        return await probe.RunAsync(definition, CancellationToken.None);
    }

    private static string Timestamp(X509Certificate2 certificate) =>
        certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void AssertExpiry(X509Certificate2 certificate, ProbeResult result) =>
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), result.CertificateExpiresAt);

    [Fact]
    public async Task Passes_with_a_chain_to_trusted_ca_and_times_each_phase()
    {
        using var leaf = TestCertificates.Leaf(_authority, Plenty, "shop.test", "localhost");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Pass, FailureClass.None), (result.Outcome, result.Failure));
        var day = leaf.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"TLS 1.3, certificate expires in 89 days ({day})", result.Message);
        AssertExpiry(leaf, result);
        Assert.Equal(["connect", "resolve", "tls"], result.Phases.Keys.Order());
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Resolves_the_host_and_checks_the_name_against_it_by_default()
    {
        using var leaf = TestCertificates.Leaf(_authority, Plenty, "shop.test", "localhost");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: localhost:{server.Port}\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal(ProbeOutcome.Pass, result.Outcome);
    }

    [Fact]
    public async Task Passes_when_the_server_sends_its_intermediate()
    {
        using var intermediate = TestCertificates.Intermediate(_authority, "Shopmon Test Issuing CA");
        using var leaf = TestCertificates.Leaf(intermediate, Plenty, "shop.test");
        await using var server = TlsTestServer.Serving(leaf, intermediate);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Pass, FailureClass.None), (result.Outcome, result.Failure));
    }

    [Fact]
    public async Task Fails_when_the_server_leaves_out_its_intermediate()
    {
        using var intermediate = TestCertificates.Intermediate(_authority, "Shopmon Test Issuing CA");
        using var leaf = TestCertificates.Leaf(intermediate, Plenty, "shop.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal("chain: PartialChain (issuer 'CN=Shopmon Test Issuing CA' neither sent by the server nor trusted)", result.Message);
        AssertExpiry(leaf, result);
    }

    [Fact]
    public async Task Is_degraded_when_fewer_days_are_left_than_min_days_left_degraded()
    {
        using var leaf = TestCertificates.Leaf(_authority, TimeSpan.FromDays(10.5), "shop.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Degraded, FailureClass.Assertion), (result.Outcome, result.Failure));
        Assert.Equal($"certificate: expires in 10 days ({Timestamp(leaf)}), expected at least 21 days", result.Message);
        AssertExpiry(leaf, result);
    }

    [Fact]
    public async Task Fails_when_fewer_days_are_left_than_min_days_left()
    {
        using var leaf = TestCertificates.Leaf(_authority, TimeSpan.FromDays(3.5), "shop.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Assertion), (result.Outcome, result.Failure));
        Assert.Equal($"certificate: expires in 3 days ({Timestamp(leaf)}), expected at least 7 days", result.Message);
        AssertExpiry(leaf, result);
    }

    [Fact]
    public async Task Fails_when_expired()
    {
        using var leaf = TestCertificates.Leaf(_authority, -TimeSpan.FromDays(2.5), "shop.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal($"certificate: expired 2 days ago ({Timestamp(leaf)})", result.Message);
        AssertExpiry(leaf, result);
    }

    [Fact]
    public async Task Fails_on_an_authority_that_is_not_trusted()
    {
        // Servers send no root (SslStream trims it too), so an unknown root shows as the issuer that cannot be found.
        using var leaf = TestCertificates.Leaf(_authority, Plenty, "shop.test");
        await using var server = TlsTestServer.Serving(leaf, _authority);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal("chain: PartialChain (issuer 'CN=Shopmon Test CA' neither sent by the server nor trusted)", result.Message);
        AssertExpiry(leaf, result);
    }

    [Fact]
    public async Task Fails_on_a_chain_to_another_authority_than_trusted_ca()
    {
        using var rogue = TestCertificates.Authority("Rogue CA");
        using var intermediate = TestCertificates.Intermediate(rogue, "Rogue Issuing CA");
        using var leaf = TestCertificates.Leaf(intermediate, Plenty, "shop.test");
        await using var server = TlsTestServer.Serving(leaf, intermediate);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal("chain: PartialChain (issuer 'CN=Rogue CA' neither sent by the server nor trusted)", result.Message);
    }

    [Fact]
    public async Task Fails_on_a_certificate_not_meant_for_servers_even_when_it_chains_to_trusted_ca()
    {
        using var leaf = TestCertificates.Leaf(_authority, Plenty, TestCertificates.ClientAuthentication, "shop.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal("chain: NotValidForUsage (issuer 'CN=Shopmon Test CA')", result.Message);
    }

    [Fact]
    public async Task Fails_on_a_certificate_for_another_name()
    {
        using var leaf = TestCertificates.Leaf(_authority, Plenty, "other.test", "www.other.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  trusted_ca: {{ca}}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal("name: certificate is for 'CN=other.test' (other.test, www.other.test), expected 'shop.test'", result.Message);
    }

    [Fact]
    public async Task Reports_every_problem_at_once()
    {
        using var leaf = TestCertificates.Leaf(null, TimeSpan.FromDays(3.5), "other.test");
        await using var server = TlsTestServer.Serving(leaf);

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.Equal(
            "chain: UntrustedRoot (issuer 'CN=other.test'); name: certificate is for 'CN=other.test' (other.test), expected 'shop.test'; " +
            $"certificate: expires in 3 days ({Timestamp(leaf)}), expected at least 7 days", result.Message);
    }

    [Fact]
    public async Task Fails_on_a_self_signed_certificate_unless_valid_chain_is_off()
    {
        using var leaf = TestCertificates.Leaf(null, Plenty, "shop.test");
        await using var server = TlsTestServer.Serving(leaf);

        var strict = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test");
        var lenient = await RunAsync($"target: 127.0.0.1:{server.Port}\nserver_name: shop.test\nexpect:\n  valid_chain: false");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls, "chain: UntrustedRoot (issuer 'CN=shop.test')"),
            (strict.Outcome, strict.Failure, strict.Message));
        Assert.Equal((ProbeOutcome.Pass, FailureClass.None), (lenient.Outcome, lenient.Failure));
        Assert.StartsWith("TLS 1.3, certificate expires in 89 days (", lenient.Message);
        AssertExpiry(leaf, lenient);
    }

    [Fact]
    public async Task Fails_with_connect_when_nothing_listens()
    {
        var port = FreePort.Next();

        var result = await RunAsync($"target: 127.0.0.1:{port}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Connect), (result.Outcome, result.Failure));
        Assert.Equal($"connect: ConnectionRefused (127.0.0.1:{port})", result.Message);
        Assert.Null(result.CertificateExpiresAt);
        Assert.Equal(["resolve"], result.Phases.Keys);
    }

    [Fact]
    public async Task Fails_with_timeout_when_the_handshake_is_never_answered()
    {
        await using var server = TlsTestServer.Silent();

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}", TimeSpan.FromMilliseconds(500));

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Timeout), (result.Outcome, result.Failure));
        Assert.Equal("timeout: no TLS handshake within 500ms", result.Message);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(2.5));
        Assert.Equal(["connect", "resolve"], result.Phases.Keys.Order());
    }

    [Fact]
    public async Task Fails_with_tls_when_the_server_hangs_up_during_the_handshake()
    {
        await using var server = TlsTestServer.HangingUp();

        var result = await RunAsync($"target: 127.0.0.1:{server.Port}");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Tls), (result.Outcome, result.Failure));
        Assert.StartsWith($"tls: handshake with 127.0.0.1:{server.Port} failed (", result.Message);
        Assert.Null(result.CertificateExpiresAt);
    }

    [Fact]
    public async Task Fails_with_dns_for_a_host_that_does_not_exist()
    {
        var result = await RunAsync("target: no-such-host.invalid");

        Assert.Equal((ProbeOutcome.Fail, FailureClass.Dns), (result.Outcome, result.Failure));
        // The resolver's code (HostNotFound, or TryAgain without a network) depends on the machine.
        Assert.StartsWith("dns: could not resolve 'no-such-host.invalid' (", result.Message);
        Assert.Empty(result.Phases);
    }
}
