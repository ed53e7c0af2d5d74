namespace Monitoring.Quality.Media;

/// <summary>
/// Starts one <see cref="HttpMediaProbe"/> per scan over a shared <see cref="HttpClient"/> (pooled connections,
/// refreshed every few minutes so a changed DNS answer is seen), or none when probing is switched off.
/// </summary>
public sealed class MediaProbes : IDisposable
{
    private readonly MediaProbeOptions _options;
    private readonly HttpClient _client;

    public MediaProbes(MediaProbeOptions? options = null)
    {
        _options = options ?? new MediaProbeOptions();
        _client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, _options.Concurrency),
        })
        {
            // The probe's own timeout applies per URL; this only keeps the client from adding its 100 s default.
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "User-Agent", "shopmon-media-probe/1" } },
        };
    }

    /// <summary>A probe with an empty cache for one scan, or null when <see cref="MediaProbeOptions.Enabled"/> is false.</summary>
    public IMediaProbe? Start() => _options.Enabled ? new HttpMediaProbe(_client, _options) : null;

    public void Dispose() => _client.Dispose();
}
