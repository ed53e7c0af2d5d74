using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.IntegrationTests.Probes.Tcp;

/// <summary>
/// A TCP server on a free loopback port that runs <c>handle</c> for each connection: a stand-in for an SMTP relay or
/// Redis whose behaviour each test chooses. Connections stay open until the handler returns or the server stops.
/// </summary>
public sealed class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public LoopbackTcpServer(Func<NetworkStream, CancellationToken, Task> handle)
    {
        _listener.Start();
        _accepting = AcceptAsync(handle);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Greets with an SMTP banner, as a mail relay does before the client says anything.</summary>
    public static LoopbackTcpServer SmtpBanner(TimeSpan? delay = null) => new(async (stream, stop) =>
    {
        if (delay is { } wait) await Task.Delay(wait, stop);
        await WriteAsync(stream, "220 smtp.shop.test ESMTP ready\r\n", stop);
        await Task.Delay(Timeout.Infinite, stop);
    });

    /// <summary>Answers each line the way Redis does: <c>+PONG</c> to PING, an error to anything else.</summary>
    public static LoopbackTcpServer Redis() => new(async (stream, stop) =>
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        while (await reader.ReadLineAsync(stop) is { } line)
            await WriteAsync(stream, line == "PING" ? "+PONG\r\n" : "-ERR unknown\r\n", stop);
    });

    /// <summary>Accepts and says nothing, like a hung service behind a load balancer.</summary>
    public static LoopbackTcpServer Silent() => new((_, stop) => Task.Delay(Timeout.Infinite, stop));

    /// <summary>Accepts and hangs up at once, like a service that crashes on every connection.</summary>
    public static LoopbackTcpServer HangsUp() => new((_, _) => Task.CompletedTask);

    private static Task WriteAsync(NetworkStream stream, string text, CancellationToken stop) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), stop).AsTask();

    private async Task AcceptAsync(Func<NetworkStream, CancellationToken, Task> handle)
    {
        var connections = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(Task.Run(async () =>
                {
                    using var connection = client;
                    try { await handle(connection.GetStream(), _stopping.Token); }
                    catch (Exception e) when (e is OperationCanceledException or IOException) { }
                }));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        await Task.WhenAll(connections);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
