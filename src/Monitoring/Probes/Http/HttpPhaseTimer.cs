using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Probes.Http;

/// <summary>
/// The HTTP client of one probe run, on a handler of its own, timing the phases blackbox_exporter names: <c>resolve</c>,
/// <c>connect</c>, <c>tls</c> (https only), <c>processing</c> (connection ready to response headers: the time to first
/// byte) and <c>transfer</c> (reading the body). A new handler per run means a new connection per run, so DNS, TCP and
/// TLS are really measured each time instead of hidden by a pooled connection.
/// When redirects are followed, the phases are summed over every hop, as blackbox_exporter does: a hop that opens a new
/// connection adds to resolve, connect and tls; a hop to the same origin reuses the connection, as a browser would.
/// </summary>
/// <remarks>The requests of one run are sequential, so connections are opened one after the other: the plaintext
/// filter marks the latest connection that is connected but not yet ready.</remarks>
internal sealed class HttpPhaseTimer : IDisposable
{
    /// <summary>The same User-Agent as the service's named probe clients.</summary>
    public const string UserAgent = "shopmon-probe/0.1";

    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly List<Connection> _connections = [];
    private long _sent, _headers, _body;

    public HttpPhaseTimer(TimeProvider time, bool followRedirects)
    {
        _time = time;
        // The same settings as the service's named probe clients: no cookies, no proxy, decompression, 10 redirects.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            MaxAutomaticRedirections = 10,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = ConnectAsync,
            PlaintextStreamFilter = MarkReady,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <summary>When the leaf certificate of the last TLS connection expires; null before any TLS handshake.</summary>
    public DateTimeOffset? CertificateExpiresAt { get; private set; }

    /// <summary>Why the last server certificate was rejected, like <c>certificate CN=shop.test rejected: UntrustedRoot
    /// (self-signed certificate)</c>; null when none was.</summary>
    public string? CertificateProblem { get; private set; }

    /// <summary>Sends the request and returns once the response headers are in (redirects followed when asked).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sent = _time.GetTimestamp();
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        _headers = _time.GetTimestamp();
        return response;
    }

    /// <summary>Reads the whole body, keeping its start for assertions (see <see cref="HttpBody.MaxKeptBytes"/>).</summary>
    public async Task<HttpBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await HttpBody.ReadAsync(stream, response.Content.Headers.ContentType?.CharSet, cancellationToken);
        _body = _time.GetTimestamp();
        return body;
    }

    /// <summary>The phases completed so far; a run that failed midway has only the phases it finished.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases()
    {
        List<Connection> connections;
        lock (_connections) connections = [.. _connections];
        var phases = new Dictionary<string, TimeSpan>();
        var resolve = Sum(connections, c => (c.Began, c.Resolved));
        var connect = Sum(connections, c => (c.Resolved, c.Connected));
        var tls = Sum(connections.Where(c => c.IsTls), c => (c.Connected, c.Ready));
        if (connections.Any(c => c.Resolved != 0)) phases["resolve"] = resolve;
        if (connections.Any(c => c.Connected != 0)) phases["connect"] = connect;
        if (connections.Any(c => c.IsTls && c.Ready != 0)) phases["tls"] = tls;
        if (_headers != 0)
        {
            // Everything from the first connection attempt to the headers that is not setting up a connection: sending,
            // the server's work and, over redirects, every hop's wait. Time before the first attempt (the handler's own
            // start-up) belongs to no phase, so the phases never add up to more than the run.
            var from = connections.Count > 0 ? connections[0].Began : _sent;
            var processing = _time.GetElapsedTime(from, _headers) - resolve - connect - tls;
            phases["processing"] = processing > TimeSpan.Zero ? processing : TimeSpan.Zero;
        }
        if (_body != 0) phases["transfer"] = _time.GetElapsedTime(_headers, _body);
        return phases;
    }

    public void Dispose() => _client.Dispose();

    private TimeSpan Sum(IEnumerable<Connection> connections, Func<Connection, (long From, long To)> span) =>
        connections.Select(span).Where(s => s.From != 0 && s.To != 0)
            .Aggregate(TimeSpan.Zero, (total, s) => total + _time.GetElapsedTime(s.From, s.To));

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var connection = new Connection(_time.GetTimestamp(), context.InitialRequestMessage.RequestUri?.Scheme == Uri.UriSchemeHttps);
        lock (_connections) _connections.Add(connection);

        // A SocketException for an unknown host becomes HttpRequestError.NameResolutionError, as with the default connect.
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        connection.Resolved = _time.GetTimestamp();

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            connection.Connected = _time.GetTimestamp();
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Called once the connection is ready for HTTP: after the TLS handshake for https, right after connect otherwise.</summary>
    private ValueTask<Stream> MarkReady(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        lock (_connections)
        {
            if (_connections.LastOrDefault(c => c.Connected != 0 && c.Ready == 0) is { } connection)
                connection.Ready = _time.GetTimestamp();
        }
        return ValueTask.FromResult(context.PlaintextStream);
    }

    /// <summary>Records the certificate's expiry and, when it is rejected, why; the verdict is the default validation's.</summary>
    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        using var copy = certificate is null or X509Certificate2 ? null : new X509Certificate2(certificate);
        var leaf = certificate as X509Certificate2 ?? copy;
        if (leaf is not null)
            CertificateExpiresAt = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        CertificateProblem = errors == SslPolicyErrors.None ? null : Describe(leaf, chain, errors, (sender as SslStream)?.TargetHostName);
        return errors == SslPolicyErrors.None;
    }

    private static string Describe(X509Certificate2? leaf, X509Chain? chain, SslPolicyErrors errors, string? host)
    {
        if (leaf is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return "the server sent no certificate";
        var problems = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            problems.Add($"NameMismatch (not valid for {host ?? "the host"})");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError).ToList() ?? [];
            problems.AddRange(statuses.Count == 0
                ? ["chain errors"]
                : statuses.Select(s => string.IsNullOrWhiteSpace(s.StatusInformation)
                    ? s.Status.ToString()
                    : $"{s.Status} ({s.StatusInformation.Trim().TrimEnd('.')})"));
        }
        return $"certificate {leaf.Subject} rejected: {string.Join(", ", problems.Distinct())}";
    }

    /// <summary>Timestamps (<see cref="TimeProvider.GetTimestamp"/>) of one connection; 0 until reached.</summary>
    private sealed class Connection(long began, bool isTls)
    {
        public long Began { get; } = began;
        public bool IsTls { get; } = isTls;
        public long Resolved { get; set; }
        public long Connected { get; set; }
        public long Ready { get; set; }
    }
}
