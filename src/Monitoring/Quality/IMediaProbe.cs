namespace Monitoring.Quality;

/// <summary>Checks that a media URL answers (HEAD, then a ranged GET) and measures it; <see cref="Media.HttpMediaProbe"/>.</summary>
public interface IMediaProbe
{
    /// <summary>Fetches the URL's headers; failures are results, never exceptions (except cancellation).</summary>
    Task<MediaProbeResult> ProbeAsync(string url, CancellationToken cancellationToken);
}

/// <summary>What fetching a media URL found.</summary>
/// <param name="StatusCode">The HTTP status, or null when no answer came (DNS, TLS, timeout).</param>
/// <param name="ContentType">The media type of the answer, without parameters.</param>
/// <param name="Bytes">The file's size (Content-Length, or the total of a Content-Range), when the server said.</param>
/// <param name="Error">Why there was no answer.</param>
/// <param name="Width">The image's width in pixels, read from its header; null when not an image or not readable.</param>
/// <param name="Height">The image's height in pixels.</param>
public sealed record MediaProbeResult(int? StatusCode, string? ContentType = null, long? Bytes = null, string? Error = null,
    int? Width = null, int? Height = null)
{
    /// <summary>A 2xx answer.</summary>
    public bool Answered => StatusCode is >= 200 and <= 299;
}
