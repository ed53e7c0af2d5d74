using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DemoShop.Hosting;

/// <summary>
/// The HTTPS port's two self-signed certificates, made in memory at start-up for <c>localhost</c> and 127.0.0.1: one
/// valid (yesterday to 90 days ahead) and one that expired 10 days ago. Each new TLS connection gets the one the
/// <c>expired_certificate</c> fault asks for, so the fault can be switched at runtime too.
/// </summary>
public sealed class ShopCertificates
{
    public ShopCertificates(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        Valid = Create(now.AddDays(-1), now.AddDays(90));
        Expired = Create(now.AddDays(-100), now.AddDays(-10));
    }

    public X509Certificate2 Valid { get; }

    public X509Certificate2 Expired { get; }

    private static X509Certificate2 Create(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=Demo B2B Shop", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform (Windows refuses
        // ephemeral keys).
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
