using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Monitoring.Checks.Yaml;

namespace Monitoring.Probes.Tls;

/// <summary>
/// Settings of a <c>tls</c> probe: a TLS endpoint whose certificate must chain to a trusted root, match the name clients
/// ask for, and stay far enough from expiry that there is time to renew it. Certificates of <c>trusted_ca</c> are read at
/// load time, so that a missing or broken file stops the configuration rather than failing every run.
/// </summary>
public sealed class TlsProbeSettings : IProbeSettings, IReadsFromConfig<TlsProbeSettings>
{
    public const int DefaultMinDaysLeftDegraded = 21;
    public const int DefaultMinDaysLeft = 7;

    public required HostPort Address { get; init; }

    /// <summary>The name sent as SNI and that the certificate must be for; null means the target's host.</summary>
    public string? ServerName { get; init; }

    /// <summary>Whether the chain must validate and the name must match. Off for endpoints whose clients check neither.</summary>
    public bool ValidChain { get; init; } = true;

    /// <summary>Fewer days left than this make the run degraded.</summary>
    public int MinDaysLeftDegraded { get; init; } = DefaultMinDaysLeftDegraded;

    /// <summary>Fewer days left than this make the run fail.</summary>
    public int MinDaysLeft { get; init; } = DefaultMinDaysLeft;

    /// <summary>The <c>trusted_ca</c> path as written, for display; null when only the system's roots are trusted.</summary>
    public string? TrustedCaPath { get; init; }

    /// <summary>Extra roots the chain may end at, besides the system's (internal CAs).</summary>
    [JsonIgnore]
    public X509Certificate2Collection TrustedCa { get; init; } = [];

    public string EffectiveServerName => ServerName ?? Address.Host;

    public string Target => Address.ToString();

    public static TlsProbeSettings? Read(ConfigNode node)
    {
        HostPort? address = null;
        var targetText = node.RequiredString("target");
        if (targetText is not null && !HostPort.TryParse(targetText, 443, "shop.example.com:443", out address, out var problem))
            node.Child("target")!.Error(problem!);

        var serverName = node.String("server_name")?.Trim();
        if (serverName is not null && Uri.CheckHostName(serverName) is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            node.Child("server_name")!.Error(
                $"'{serverName}' is not a host name (write the name the certificate must be for, like shop.example.com)");
            serverName = null;
        }

        var validChain = true;
        int? degraded = null, failing = null;
        string? trustedCaPath = null;
        X509Certificate2Collection trustedCa = [];
        var expect = node.Child("expect");
        if (expect is not null && expect.ExpectMapping())
        {
            validChain = expect.Bool("valid_chain") ?? true;
            degraded = Days(expect, "min_days_left_degraded");
            failing = Days(expect, "min_days_left");
            if (expect.Child("trusted_ca") is { } trustedNode)
            {
                trustedCaPath = trustedNode.Scalar();
                if (trustedCaPath is not null) trustedCa = ReadTrustedCa(trustedNode, trustedCaPath);
                if (!validChain)
                    trustedNode.Error("trusted_ca has no effect with valid_chain: false (remove one of them)");
            }
            if (degraded is { } d && failing is { } f && d < f)
                expect.Child("min_days_left_degraded")!.Error(
                    $"min_days_left_degraded {d} is below min_days_left {f} (write a number of days of at least {f}: the warning comes before the failure)");
            expect.RejectUnknownKeys();
        }

        var minDaysLeft = failing ?? DefaultMinDaysLeft;
        return address is null
            ? null
            : new TlsProbeSettings
            {
                Address = address,
                ServerName = serverName,
                ValidChain = validChain,
                MinDaysLeft = minDaysLeft,
                // A stricter min_days_left alone raises the degraded threshold with it, so that it never has to be repeated.
                MinDaysLeftDegraded = degraded ?? Math.Max(DefaultMinDaysLeftDegraded, minDaysLeft),
                TrustedCaPath = trustedCaPath,
                TrustedCa = trustedCa,
            };
    }

    private static int? Days(ConfigNode expect, string key)
    {
        var days = expect.Int(key);
        if (days is >= 0) return days;
        if (days is { } negative)
            expect.Child(key)!.Error($"'{negative}' is not a number of days (write 0 or more, like {key}: 14)");
        return null;
    }

    /// <summary>Reads a PEM file of CA certificates; a relative path is relative to the working directory.</summary>
    private static X509Certificate2Collection ReadTrustedCa(ConfigNode node, string path)
    {
        const string What = "write the path of a PEM file of CA certificates, absolute or relative to the working directory";
        var full = path.Length == 0 ? "" : Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            node.Error(path.Length == 0 ? $"'' is no path ({What})" : $"'{path}' does not exist (looked at {full}; {What})");
            return [];
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(full);
        }
        catch (CryptographicException)
        {
            node.Error($"'{path}' holds a CERTIFICATE block that does not parse (write certificates in PEM, as `openssl x509 -outform PEM` prints them)");
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            node.Error($"'{path}' cannot be read: {e.Message}");
            return [];
        }
        if (certificates.Count == 0)
            node.Error($"'{path}' holds no certificate (expected one or more -----BEGIN CERTIFICATE----- blocks)");
        return certificates;
    }
}
