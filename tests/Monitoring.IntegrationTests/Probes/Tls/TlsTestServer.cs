using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.IntegrationTests.Probes.Tls;

/// <summary>
/// A server on 127.0.0.1 and a free port that completes TLS handshakes with a given certificate (and the chain it is
/// told to send), or misbehaves: accepts and never answers, or accepts and hangs up at once.
/// </summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<NetworkStream, CancellationToken, Task> _serve;
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    private TlsTestServer(Func<NetworkStream, CancellationToken, Task> serve)
    {
        _serve = serve;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Serves <paramref name="leaf"/>, sending <paramref name="chain"/> after it as a real server sends
    /// intermediates (SslStream leaves out a self-signed root, as most servers do).</summary>
    public static TlsTestServer Serving(X509Certificate2 leaf, params X509Certificate2[] chain)
    {
        var context = SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(chain), offline: true);
        return new(async (stream, stop) =>
        {
            await using var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context }, stop);
            // Hold the connection until the probe closes it.
            await tls.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, stop);
        });
    }

    /// <summary>Accepts connections and never answers the client's hello.</summary>
    public static TlsTestServer Silent() => new((_, stop) => Task.Delay(Timeout.Infinite, stop));

    /// <summary>Accepts connections and closes them at once, as a server that speaks no TLS on the port may.</summary>
    public static TlsTestServer HangingUp() => new((_, _) => Task.CompletedTask);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections) _connections.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await _serve(client.GetStream(), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or System.Security.Authentication.AuthenticationException)
            {
                // The probe hung up, or the test is over.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections) connections = [.. _connections];
        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}
