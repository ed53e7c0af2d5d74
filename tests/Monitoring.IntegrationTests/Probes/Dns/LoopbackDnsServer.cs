using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

// Not "…Probes.Dns": that namespace would hide System.Net.Dns from the other probe tests.
namespace Monitoring.IntegrationTests.Probes.DnsLookup;

/// <summary>
/// A tiny authoritative DNS server on a free loopback UDP port, so that the dns probe is tested against real packets
/// without the internet. It answers A and TXT from its zone, NXDOMAIN for unknown names and SERVFAIL for names marked
/// broken; it copies the question and answers with compression pointers to it, which is all a stub resolver needs.
/// </summary>
public sealed class LoopbackDnsServer : IAsyncDisposable
{
    private const ushort TypeA = 1;
    private const ushort TypeTxt = 16;
    private const byte NxDomain = 3;
    private const byte ServFail = 2;

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<(string Name, ushort Type), List<byte[]>> _zone = [];
    private readonly HashSet<string> _broken = [];
    private readonly Task _serving;

    public LoopbackDnsServer()
    {
        _serving = ServeAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_socket.Client.LocalEndPoint!).Port}";

    public LoopbackDnsServer WithA(string name, params string[] addresses)
    {
        foreach (var address in addresses) Add(name, TypeA, IPAddress.Parse(address).GetAddressBytes());
        return this;
    }

    public LoopbackDnsServer WithTxt(string name, string text)
    {
        Add(name, TypeTxt, [(byte)text.Length, .. Encoding.ASCII.GetBytes(text)]);
        return this;
    }

    /// <summary>Answers SERVFAIL for <paramref name="name"/>, like a resolver whose upstream is down.</summary>
    public LoopbackDnsServer Broken(string name)
    {
        _broken.Add(name);
        return this;
    }

    private void Add(string name, ushort type, byte[] data)
    {
        if (!_zone.TryGetValue((name, type), out var records)) _zone[(name, type)] = records = [];
        records.Add(data);
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var query = await _socket.ReceiveAsync(_stopping.Token);
                if (Answer(query.Buffer) is { } response)
                    await _socket.SendAsync(response, query.RemoteEndPoint, _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    /// <summary>The response to one query (RFC 1035 §4.1), or null for a packet too short to be one.</summary>
    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12) return null;
        var (name, questionEnd) = ReadName(query, 12);
        if (questionEnd + 4 > query.Length) return null;
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(questionEnd));
        questionEnd += 4;

        var nameExists = _zone.Keys.Any(k => k.Name == name);
        var records = _zone.GetValueOrDefault((name, type)) ?? [];
        byte rcode = _broken.Contains(name) ? ServFail : nameExists ? (byte)0 : NxDomain;
        if (rcode != 0) records = [];

        var response = new List<byte>();
        response.AddRange(query.AsSpan(0, 2).ToArray());                  // the query's id
        response.Add((byte)(0x84 | (query[2] & 0x01)));                    // QR, AA, and RD as asked
        response.Add((byte)(0x80 | rcode));                                // RA and the response code
        response.AddRange([0, 1, 0, (byte)records.Count, 0, 0, 0, 0]);     // 1 question, n answers, no authority, no additional
        response.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        foreach (var data in records)
        {
            response.AddRange([0xC0, 12]);                                 // the name: a pointer to the question's
            response.AddRange([(byte)(type >> 8), (byte)type, 0, 1]);      // type, class IN
            response.AddRange([0, 0, 1, 44]);                              // TTL 300 s
            response.AddRange([(byte)(data.Length >> 8), (byte)data.Length]);
            response.AddRange(data);
        }
        return response.ToArray();
    }

    /// <summary>The question's name, lower-case without the final dot, and where the question's type starts.</summary>
    private static (string Name, int End) ReadName(byte[] packet, int offset)
    {
        var labels = new List<string>();
        while (offset < packet.Length && packet[offset] != 0)
        {
            var length = packet[offset];
            labels.Add(Encoding.ASCII.GetString(packet, offset + 1, Math.Min(length, packet.Length - offset - 1)));
            offset += length + 1;
        }
        return (string.Join('.', labels).ToLowerInvariant(), offset + 1);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        await _serving;
        _stopping.Dispose();
    }
}
