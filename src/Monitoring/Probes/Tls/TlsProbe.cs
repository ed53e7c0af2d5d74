using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitoring.Checks;

namespace Monitoring.Probes.Tls;

/// <summary>
/// Resolves, connects and completes one TLS handshake, timing each phase, then judges the certificate with
/// <see cref="TlsCertificateCheck"/>. The handshake accepts any certificate on purpose: a refused handshake says only
/// "untrusted", while an accepted one lets the result say which root, which name and how many days are left.
/// </summary>
public sealed class TlsProbe(TimeProvider time) : IProbe
{
    public async Task<ProbeResult> RunAsync(ProbeDefinition probe, CancellationToken cancellationToken)
    {
        var settings = (TlsProbeSettings)probe.Settings;
        using var run = ProbeRun.Start(probe, time, cancellationToken);
        var phase = "resolve";

        void Next(string next)
        {
            run.Mark(phase);
            phase = next;
        }

        var presented = new PresentedCertificates();
        try
        {
            var addresses = await ResolveAsync(settings.Address.Host, run.Deadline);
            Next("connect");
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(addresses, settings.Address.Port, run.Deadline);
            Next("tls");
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await tls.AuthenticateAsClientAsync(HandshakeOptions(settings, presented), run.Deadline);
            Next("done");

            if (presented.Leaf is not { } leaf)
                return run.Fail(FailureClass.Tls, "tls: the server sent no certificate");
            var expiresAt = TlsCertificateCheck.ExpiresAt(leaf);
            var findings = TlsCertificateCheck.Check(settings, leaf, presented.Sent, time.GetUtcNow());
            if (findings.Count == 0)
            {
                var left = TlsCertificateCheck.Days(expiresAt - time.GetUtcNow());
                var day = expiresAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return run.Result(ProbeOutcome.Pass, $"{Name(tls.SslProtocol)}, certificate expires in {left} ({day})",
                    certificateExpiresAt: expiresAt);
            }
            var first = findings.FirstOrDefault(f => f.IsDown) ?? findings[0];
            return run.Result(first.IsDown ? ProbeOutcome.Fail : ProbeOutcome.Degraded,
                string.Join("; ", findings.Select(f => f.Message)), first.Failure, certificateExpiresAt: expiresAt);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Cancellation surfaces as an I/O error in places; the contract is that it throws as cancellation.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception) when (run.TimedOut)
        {
            var limit = Durations.Format(probe.Timeout);
            var message = phase switch
            {
                "resolve" => $"timeout: '{settings.Address.Host}' not resolved within {limit}",
                "connect" => $"timeout: no TCP connection to {settings.Target} within {limit}",
                _ => $"timeout: no TLS handshake within {limit}",
            };
            return run.Fail(FailureClass.Timeout, message);
        }
        catch (SocketException e) when (phase == "resolve")
        {
            return run.Fail(FailureClass.Dns, $"dns: could not resolve '{settings.Address.Host}' ({e.SocketErrorCode})");
        }
        catch (SocketException e) when (phase == "connect")
        {
            return run.Fail(FailureClass.Connect, $"connect: {e.SocketErrorCode} ({settings.Target})");
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or CryptographicException)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            return run.Fail(FailureClass.Tls, phase == "tls"
                ? $"tls: handshake with {settings.Target} failed ({reason})"
                : $"tls: the certificate of {settings.Target} could not be checked ({reason})");
        }
        finally
        {
            presented.Dispose();
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address)) return [address];
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.NoData);
    }

    private static SslClientAuthenticationOptions HandshakeOptions(TlsProbeSettings settings, PresentedCertificates presented) => new()
    {
        TargetHost = settings.EffectiveServerName,
        // No revocation lookups or intermediate downloads during the handshake: they would run outside the deadline.
        CertificateChainPolicy = new X509ChainPolicy
        {
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        },
        RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
        {
            presented.Record(certificate, chain);
            return true;
        },
    };

    private static string Name(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        _ => protocol.ToString(),
    };

    /// <summary>Copies of what the server presented: the handshake's own objects are disposed when it ends.</summary>
    private sealed class PresentedCertificates : IDisposable
    {
        public X509Certificate2? Leaf { get; private set; }

        /// <summary>The certificates the server sent after the leaf (intermediates, sometimes the root).</summary>
        public X509Certificate2Collection Sent { get; } = [];

        public void Record(X509Certificate? certificate, X509Chain? chain)
        {
            if (certificate is not null)
                Leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            // SslStream puts the certificates the server sent into the extra store of the chain it hands over.
            foreach (var sent in chain?.ChainPolicy.ExtraStore ?? [])
                Sent.Add(X509CertificateLoader.LoadCertificate(sent.RawData));
        }

        public void Dispose()
        {
            Leaf?.Dispose();
            foreach (var certificate in Sent) certificate.Dispose();
        }
    }
}
