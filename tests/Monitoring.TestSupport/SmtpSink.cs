using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Monitoring.TestSupport;

/// <summary>A message the sink accepted: its envelope and the message as MimeKit parsed it.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, MimeMessage Message);

/// <summary>
/// A real SMTP server on a loopback port for tests. It speaks what MailKit needs (EHLO/HELO, MAIL FROM, RCPT TO, DATA,
/// RSET, NOOP, QUIT), parses every message with MimeKit, can refuse chosen recipients with a 550, and can be stopped
/// and started again on the same port to play an outage of the mail server.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly List<ReceivedMail> _messages = [];
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private readonly ConcurrentDictionary<string, byte> _rejected = new(StringComparer.OrdinalIgnoreCase);
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _acceptLoop;

    private SmtpSink()
    {
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public bool IsRunning => _listener is not null;

    /// <summary>Every accepted message, in the order the sink received them.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_messages) return _messages.ToList();
        }
    }

    /// <summary>Starts a sink on <paramref name="port"/>, or on a free port when it is 0.</summary>
    public static SmtpSink Start(int port = 0)
    {
        var sink = new SmtpSink();
        sink.Listen(port);
        return sink;
    }

    /// <summary>Starts listening again on the same port after <see cref="StopAsync"/>.</summary>
    public void Restart()
    {
        if (IsRunning) throw new InvalidOperationException("The SMTP sink is already running");
        Listen(Port);
    }

    /// <summary>Answers 550 to RCPT TO for this address from now on.</summary>
    public void Reject(string address) => _rejected[address] = 0;

    /// <summary>Stops listening and drops every open connection: clients now get "connection refused".</summary>
    public async Task StopAsync()
    {
        if (_listener is null) return;
        _stop!.Cancel();
        _listener.Stop();
        foreach (var client in _clients.Keys) client.Dispose();
        try
        {
            await _acceptLoop!;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        _listener = null;
        _stop.Dispose();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; throws with what did arrive after the timeout.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} message(s) within {timeout.TotalSeconds:0}s, got {Messages.Count}: " +
                                           string.Join(" | ", Messages.Select(m => m.Message.Subject)));
            await Task.Delay(50);
        }
        return Messages;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        // Rebinding the same port right after a stop must not fail on connections still in TIME_WAIT.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _acceptLoop = AcceptAsync(listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _clients[client] = 0;
            _ = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(client, stop);
                }
                catch (Exception)
                {
                    // A client that goes away mid-session, or the sink stopping: nothing to report.
                }
                finally
                {
                    _clients.TryRemove(client, out _);
                    client.Dispose();
                }
            }, CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        var stream = client.GetStream();
        var reader = new LineReader(stream);
        await ReplyAsync(stream, "220 smtp-sink ESMTP ready", stop);
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(stop) is { } bytes)
        {
            var line = Encoding.ASCII.GetString(bytes);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await ReplyAsync(stream, "250-smtp-sink\r\n250-8BITMIME\r\n250 SIZE 52428800", stop);
                    break;
                case "HELO":
                    await ReplyAsync(stream, "250 smtp-sink", stop);
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await ReplyAsync(stream, "250 2.1.0 OK", stop);
                    break;
                case "RCPT" when from is null:
                    await ReplyAsync(stream, "503 5.5.1 MAIL first", stop);
                    break;
                case "RCPT":
                    var to = Address(line);
                    if (_rejected.ContainsKey(to))
                    {
                        await ReplyAsync(stream, $"550 5.1.1 <{to}>: no such user", stop);
                        break;
                    }
                    recipients.Add(to);
                    await ReplyAsync(stream, "250 2.1.5 OK", stop);
                    break;
                case "DATA" when recipients.Count == 0:
                    await ReplyAsync(stream, "503 5.5.1 RCPT first", stop);
                    break;
                case "DATA":
                    await ReplyAsync(stream, "354 End data with <CR><LF>.<CR><LF>", stop);
                    var message = MimeMessage.Load(new MemoryStream(await reader.ReadDataAsync(stop)));
                    lock (_messages) _messages.Add(new ReceivedMail(from!, recipients.ToList(), message));
                    from = null;
                    recipients.Clear();
                    await ReplyAsync(stream, "250 2.0.0 OK queued", stop);
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await ReplyAsync(stream, "250 2.0.0 OK", stop);
                    break;
                case "NOOP":
                    await ReplyAsync(stream, "250 2.0.0 OK", stop);
                    break;
                case "QUIT":
                    await ReplyAsync(stream, "221 2.0.0 Bye", stop);
                    return;
                default:
                    await ReplyAsync(stream, "502 5.5.2 Command not implemented", stop);
                    break;
            }
        }
    }

    private static string Address(string line)
    {
        var open = line.IndexOf('<');
        var close = line.IndexOf('>', open + 1);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static Task ReplyAsync(NetworkStream stream, string reply, CancellationToken stop) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), stop).AsTask();

    /// <summary>Reads CRLF-terminated lines as bytes (message content is not necessarily ASCII).</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<byte[]?> ReadLineAsync(CancellationToken stop)
        {
            var line = new MemoryStream();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] != (byte)'\n') continue;
                    line.Write(_buffer, _start, i - _start);
                    _start = i + 1;
                    var bytes = line.ToArray();
                    return bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes[..^1] : bytes;
                }
                line.Write(_buffer, _start, _end - _start);
                _start = 0;
                _end = await stream.ReadAsync(_buffer, stop);
                if (_end == 0) return null;
            }
        }

        /// <summary>The DATA section up to the lone dot, with dot-stuffing undone and CRLF line ends.</summary>
        public async Task<byte[]> ReadDataAsync(CancellationToken stop)
        {
            var data = new MemoryStream();
            while (await ReadLineAsync(stop) is { } line)
            {
                if (line is [(byte)'.']) break;
                var content = line.Length > 0 && line[0] == (byte)'.' ? line[1..] : line;
                data.Write(content);
                data.Write("\r\n"u8);
            }
            return data.ToArray();
        }
    }
}
