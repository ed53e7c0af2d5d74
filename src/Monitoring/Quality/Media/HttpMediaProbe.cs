using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Monitoring.Quality.Media;

/// <summary>
/// Fetches media URLs for one scan: a HEAD for the status, content type and size, then, for an image, a GET of its
/// first bytes only (<c>Range: bytes=0-…</c>) to read its pixel size from the header (<see cref="ImageHeader"/>). A
/// server that refuses HEAD (405, 501) gets the ranged GET alone; one that ignores the range is read no further than
/// <see cref="MediaProbeOptions.HeaderBytes"/> either, and the connection is dropped. Each URL is fetched once per scan
/// however many rules and records ask (the cache lives as long as this object: one scan), at most
/// <see cref="MediaProbeOptions.Concurrency"/> at a time, each within <see cref="MediaProbeOptions.Timeout"/>. A host
/// that did not answer at all (DNS, connection, timeout) is not asked again in the same scan: its other URLs fail at
/// once with the same error, so that ten thousand images on a dead CDN cost one timeout, not ten thousand.
/// </summary>
public sealed class HttpMediaProbe(HttpClient client, MediaProbeOptions options) : IMediaProbe
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MediaProbeResult>>> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Concurrency));
    private readonly ConcurrentDictionary<string, string> _deadHosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>URLs fetched so far (not counting the answers served from the cache).</summary>
    public int Fetched => _cache.Count;

    public Task<MediaProbeResult> ProbeAsync(string url, CancellationToken cancellationToken) =>
        _cache.GetOrAdd(url, u => new Lazy<Task<MediaProbeResult>>(() => FetchAsync(u, cancellationToken))).Value;

    private async Task<MediaProbeResult> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new MediaProbeResult(null, Error: "not an http(s) URL");
        if (_deadHosts.TryGetValue(uri.Authority, out var dead)) return new MediaProbeResult(null, Error: dead);
        await _slots.WaitAsync(cancellationToken);
        if (_deadHosts.TryGetValue(uri.Authority, out dead))
        {
            _slots.Release();
            return new MediaProbeResult(null, Error: dead);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using (var head = await SendAsync(HttpMethod.Head, uri, range: false, timeout.Token))
            {
                var status = (int)head.StatusCode;
                var type = head.Content.Headers.ContentType?.MediaType;
                // 405/501: no HEAD here; 403/400: some CDNs refuse HEAD but serve GET. Anything else is the answer.
                if (head.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest))
                {
                    if (status is < 200 or > 299 || type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true)
                        return new MediaProbeResult(status, type, head.Content.Headers.ContentLength);
                }
            }
            return await RangedGetAsync(uri, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Dead(uri, $"no answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return Dead(uri, e.Message);
        }
        finally
        {
            _slots.Release();
        }
    }

    private MediaProbeResult Dead(Uri uri, string error)
    {
        _deadHosts.TryAdd(uri.Authority, error);
        return new MediaProbeResult(null, Error: error);
    }

    private async Task<MediaProbeResult> RangedGetAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, uri, range: true, cancellationToken);
        var status = (int)response.StatusCode;
        var headers = response.Content.Headers;
        var type = headers.ContentType?.MediaType;
        // A 206's length is the slice's; the file's is the total of Content-Range. A 200 sent the whole file.
        var size = response.StatusCode == HttpStatusCode.PartialContent ? headers.ContentRange?.Length : headers.ContentLength;
        if (status is < 200 or > 299) return new MediaProbeResult(status, type, size);
        if (type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true) return new MediaProbeResult(status, type, size);

        var buffer = new byte[options.HeaderBytes];
        var read = 0;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
            if (ImageHeader.TryRead(buffer.AsSpan(0, read)) is { } found)
                return new MediaProbeResult(status, type, size, Width: found.Width, Height: found.Height);
        }
        return new MediaProbeResult(status, type, size, Error: $"no PNG, JPEG, GIF or WebP header in the first {read:N0} bytes");
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, bool range, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, uri);
        if (range) request.Headers.Range = new RangeHeaderValue(0, options.HeaderBytes - 1);
        // Headers only: the body of a GET is read as far as the image header, never to the end.
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
