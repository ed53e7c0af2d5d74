using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.IntegrationTests.Probes.Tls;

/// <summary>
/// Certificates made in the test, as a shop's would be: an authority, intermediates, leaves for a name with dates
/// relative to now. Dates are whole seconds, as certificates store them, so that expiry compares exactly.
/// </summary>
public static class TestCertificates
{
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>A self-signed root that may sign certificates.</summary>
    public static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = AuthorityRequest(name, key);
        return Exportable(request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(10)));
    }

    /// <summary>An intermediate authority signed by <paramref name="issuer"/>.</summary>
    public static X509Certificate2 Intermediate(X509Certificate2 issuer, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = AuthorityRequest(name, key);
        using var certificate = request.Create(issuer, Now.AddDays(-300), Now.AddYears(5), Serial());
        return Exportable(certificate.CopyWithPrivateKey(key));
    }

    /// <summary>A server certificate for <paramref name="dnsNames"/> (the first is also the CN), signed by
    /// <paramref name="issuer"/>, or self-signed when it is null.</summary>
    public static X509Certificate2 Leaf(X509Certificate2? issuer, TimeSpan left, params string[] dnsNames) =>
        Leaf(issuer, left, ServerAuthentication, dnsNames);

    /// <summary>A certificate like <see cref="Leaf(X509Certificate2?, TimeSpan, string[])"/> whose extended key usage is
    /// <paramref name="usage"/>.</summary>
    public static X509Certificate2 Leaf(X509Certificate2? issuer, TimeSpan left, Oid usage, params string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());

        var notAfter = Now + left;
        var notBefore = (left > TimeSpan.Zero ? Now : notAfter).AddDays(-30);
        if (issuer is null) return Exportable(request.CreateSelfSigned(notBefore, notAfter));
        using var certificate = request.Create(issuer, notBefore, notAfter, Serial());
        return Exportable(certificate.CopyWithPrivateKey(key));
    }

    /// <summary>The certificates as one PEM file, as a <c>trusted_ca</c> file holds them.</summary>
    public static string Pem(params X509Certificate2[] certificates) =>
        string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n"));

    private static CertificateRequest AuthorityRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }

    /// <summary>Through PKCS#12 and back: an SslStream server needs a key it can use, which ephemeral keys are not everywhere.</summary>
    private static X509Certificate2 Exportable(X509Certificate2 certificate)
    {
        using (certificate)
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
