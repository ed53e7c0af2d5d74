using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitoring.Checks;
using Monitoring.Probes;
using Monitoring.Probes.Tls;

namespace Monitoring.Tests.Probes.Tls;

/// <summary>The <c>tls</c> keys as a user writes them: what each reads as, and the exact message for each mistake.</summary>
public sealed class TlsProbeSettingsTests : IDisposable
{
    private readonly TempChecksFolder _folder = new();

    public TlsProbeSettingsTests()
    {
        _folder.Write("certs/ca.pem", Authority("Shopmon Internal CA"));
        _folder.Write("certs/two.pem", Authority("Shopmon Internal CA") + Authority("Shopmon Other CA"));
        _folder.Write("certs/notes.txt", "ask the platform team for the CA\n");
        _folder.Write("certs/broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    }

    public void Dispose() => _folder.Dispose();

    private static string Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>Replaces <c>{certs}</c> by the absolute certs folder, <c>{relative}</c> by the same folder relative to the
    /// working directory, and <c>{cwd}</c> by the working directory.</summary>
    private string Expand(string text)
    {
        var certs = Path.Combine(_folder.Checks, "certs");
        return text.Replace("{certs}", certs)
            .Replace("{relative}", Path.GetRelativePath(Environment.CurrentDirectory, certs))
            .Replace("{cwd}", Environment.CurrentDirectory);
    }

    /// <summary>Loads one <c>tls</c> probe whose keys after <c>kind</c> are <paramref name="keys"/>, from line 4 on.</summary>
    private (CheckSet? Checks, IReadOnlyList<ConfigError> Errors) Load(string keys)
    {
        var indented = string.Join("\n", Expand(keys).Split('\n').Select(line => "    " + line));
        _folder.Write("probes/tls.yaml", $"probes:\n  - id: cert\n    kind: tls\n{indented}\n");
        return new CheckSetLoader([ProbeKind.Create<TlsProbe, TlsProbeSettings>("tls")], VariableExpander.FromEnvironment())
            .Load(_folder.Checks);
    }

    private static string Describe(TlsProbeSettings s) =>
        $"{s.Target} sni={s.EffectiveServerName} valid_chain={s.ValidChain} degraded<{s.MinDaysLeftDegraded} fail<{s.MinDaysLeft} " +
        $"ca={s.TrustedCa.Count}";

    public static TheoryData<string, string, string> ValidProbes => new()
    {
        { "a host alone, every default", "target: shop.test", "shop.test:443 sni=shop.test valid_chain=True degraded<21 fail<7 ca=0" },
        { "a port", "target: shop.test:8443", "shop.test:8443 sni=shop.test valid_chain=True degraded<21 fail<7 ca=0" },
        {
            "an address with the name sent separately", "target: 10.0.0.5:443\nserver_name: shop.test",
            "10.0.0.5:443 sni=shop.test valid_chain=True degraded<21 fail<7 ca=0"
        },
        { "an IPv6 address", "target: \"[::1]:9443\"", "[::1]:9443 sni=::1 valid_chain=True degraded<21 fail<7 ca=0" },
        {
            "a variable with a default", "target: ${SHOPMON_TEST_SURELY_UNSET:-erp.shop.test}:443",
            "erp.shop.test:443 sni=erp.shop.test valid_chain=True degraded<21 fail<7 ca=0"
        },
        {
            "every expectation", "target: shop.test\nexpect:\n  valid_chain: false\n  min_days_left_degraded: 30\n  min_days_left: 10",
            "shop.test:443 sni=shop.test valid_chain=False degraded<30 fail<10 ca=0"
        },
        {
            "a stricter min_days_left raises the default degraded threshold with it", "target: shop.test\nexpect:\n  min_days_left: 30",
            "shop.test:443 sni=shop.test valid_chain=True degraded<30 fail<30 ca=0"
        },
        {
            "no margin at all", "target: shop.test\nexpect:\n  min_days_left_degraded: 0\n  min_days_left: 0",
            "shop.test:443 sni=shop.test valid_chain=True degraded<0 fail<0 ca=0"
        },
        {
            "an absolute trusted_ca", "target: erp.internal\nexpect:\n  trusted_ca: {certs}/ca.pem",
            "erp.internal:443 sni=erp.internal valid_chain=True degraded<21 fail<7 ca=1"
        },
        {
            "a trusted_ca relative to the working directory", "target: erp.internal\nexpect:\n  trusted_ca: {relative}/ca.pem",
            "erp.internal:443 sni=erp.internal valid_chain=True degraded<21 fail<7 ca=1"
        },
        {
            "a trusted_ca with two CAs", "target: erp.internal\nexpect:\n  trusted_ca: {certs}/two.pem",
            "erp.internal:443 sni=erp.internal valid_chain=True degraded<21 fail<7 ca=2"
        },
    };

    [Theory]
    [MemberData(nameof(ValidProbes))]
    public void Reads_the_keys_and_fills_in_the_defaults(string because, string keys, string expected)
    {
        var (checks, errors) = Load(keys);

        Assert.True(errors.Count == 0, $"{because}: {string.Join("; ", errors)}");
        var probe = Assert.Single(checks!.Probes);
        Assert.Equal(expected, Describe(Assert.IsType<TlsProbeSettings>(probe.Settings)));
    }

    public static TheoryData<string, string, string> BrokenProbes => new()
    {
        { "a missing target", "name: Certificate", "checks/probes/tls.yaml:2 probes[0].target: required" },
        {
            "a URL", "target: https://shop.test/",
            "checks/probes/tls.yaml:4 probes[0].target: 'https://shop.test/' is a URL (write host:port, like shop.example.com:443)"
        },
        {
            "a port that is a name", "target: shop.test:https",
            "checks/probes/tls.yaml:4 probes[0].target: 'shop.test:https' has no valid port: 'https' (write a port from 1 to 65535, like shop.example.com:443)"
        },
        {
            "a port out of range", "target: shop.test:70000",
            "checks/probes/tls.yaml:4 probes[0].target: 'shop.test:70000' has no valid port: '70000' (write a port from 1 to 65535, like shop.example.com:443)"
        },
        {
            "a host with a space", "target: shop test:443",
            "checks/probes/tls.yaml:4 probes[0].target: 'shop test:443' does not start with a host name or IP address (write host:port, like shop.example.com:443)"
        },
        {
            "an unclosed IPv6 bracket", "target: \"[::1:443\"",
            "checks/probes/tls.yaml:4 probes[0].target: '[::1:443' is not a bracketed IPv6 address (write e.g. [::1]:443)"
        },
        {
            "a server name with a wildcard", "target: 10.0.0.5\nserver_name: \"*.shop.test\"",
            "checks/probes/tls.yaml:5 probes[0].server_name: '*.shop.test' is not a host name (write the name the certificate must be for, like shop.example.com)"
        },
        {
            "a misspelt key", "target: shop.test\nservername: shop.test",
            "checks/probes/tls.yaml:5 probes[0].servername: unknown key (did you mean 'server_name'?)"
        },
        {
            "expect as a list", "target: shop.test\nexpect: [valid_chain]",
            "checks/probes/tls.yaml:5 probes[0].expect: expected a mapping (key: value lines), found a list"
        },
        {
            "a misspelt expectation", "target: shop.test\nexpect:\n  min_days_left_degradd: 30",
            "checks/probes/tls.yaml:6 probes[0].expect.min_days_left_degradd: unknown key (did you mean 'min_days_left_degraded'?)"
        },
        {
            "valid_chain that is not a boolean", "target: shop.test\nexpect:\n  valid_chain: sometimes",
            "checks/probes/tls.yaml:6 probes[0].expect.valid_chain: 'sometimes' is not a boolean (write true or false)"
        },
        {
            "days that are not a number", "target: shop.test\nexpect:\n  min_days_left: a week",
            "checks/probes/tls.yaml:6 probes[0].expect.min_days_left: 'a week' is not a whole number"
        },
        {
            "negative days", "target: shop.test\nexpect:\n  min_days_left_degraded: -3",
            "checks/probes/tls.yaml:6 probes[0].expect.min_days_left_degraded: '-3' is not a number of days (write 0 or more, like min_days_left_degraded: 14)"
        },
        {
            "a degraded threshold below the failing one", "target: shop.test\nexpect:\n  min_days_left_degraded: 5\n  min_days_left: 7",
            "checks/probes/tls.yaml:6 probes[0].expect.min_days_left_degraded: min_days_left_degraded 5 is below min_days_left 7 (write a number of days of at least 7: the warning comes before the failure)"
        },
        {
            "a trusted_ca that does not exist", "target: shop.test\nexpect:\n  trusted_ca: {relative}/missing.pem",
            "checks/probes/tls.yaml:6 probes[0].expect.trusted_ca: '{relative}/missing.pem' does not exist (looked at {certs}/missing.pem; write the path of a PEM file of CA certificates, absolute or relative to the working directory)"
        },
        {
            "a trusted_ca that is a folder", "target: shop.test\nexpect:\n  trusted_ca: {certs}",
            "checks/probes/tls.yaml:6 probes[0].expect.trusted_ca: '{certs}' does not exist (looked at {certs}; write the path of a PEM file of CA certificates, absolute or relative to the working directory)"
        },
        {
            "an empty trusted_ca", "target: shop.test\nexpect:\n  trusted_ca: \"\"",
            "checks/probes/tls.yaml:6 probes[0].expect.trusted_ca: '' is no path (write the path of a PEM file of CA certificates, absolute or relative to the working directory)"
        },
        {
            "a trusted_ca without certificates", "target: shop.test\nexpect:\n  trusted_ca: {certs}/notes.txt",
            "checks/probes/tls.yaml:6 probes[0].expect.trusted_ca: '{certs}/notes.txt' holds no certificate (expected one or more -----BEGIN CERTIFICATE----- blocks)"
        },
        {
            "a trusted_ca with a broken certificate", "target: shop.test\nexpect:\n  trusted_ca: {certs}/broken.pem",
            "checks/probes/tls.yaml:6 probes[0].expect.trusted_ca: '{certs}/broken.pem' holds a CERTIFICATE block that does not parse (write certificates in PEM, as `openssl x509 -outform PEM` prints them)"
        },
        {
            "a trusted_ca that nothing would use", "target: shop.test\nexpect:\n  valid_chain: false\n  trusted_ca: {certs}/ca.pem",
            "checks/probes/tls.yaml:7 probes[0].expect.trusted_ca: trusted_ca has no effect with valid_chain: false (remove one of them)"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenProbes))]
    public void Reports_the_file_line_path_and_problem(string because, string keys, string expected)
    {
        var (checks, errors) = Load(keys);

        Assert.Null(checks);
        Assert.True(errors.Count == 1 && errors[0].ToString() == Expand(expected),
            $"{because}: expected\n  {Expand(expected)}\nbut got\n  {string.Join("\n  ", errors)}");
    }

    [Fact]
    public void Target_is_host_and_port_and_settings_store_without_the_certificates()
    {
        var (checks, _) = Load("target: erp.internal:8443\nexpect:\n  trusted_ca: {certs}/ca.pem");
        var settings = (TlsProbeSettings)Assert.Single(checks!.Probes).Settings;

        var json = System.Text.Json.JsonSerializer.Serialize(settings, System.Text.Json.JsonSerializerOptions.Web);

        Assert.Equal("erp.internal:8443", settings.Target);
        Assert.Contains("\"trustedCaPath\":", json);
        Assert.DoesNotContain("BEGIN CERTIFICATE", json);
        Assert.DoesNotContain("\"trustedCa\":", json);
    }
}
