namespace Monitoring.Quality;

/// <summary>Checks that a media URL answers (HEAD, then a ranged GET); implemented over IHttpClientFactory.</summary>
public interface IMediaProbe
{
    /// <summary>Fetches the URL's headers; failures are results, never exceptions (except cancellation).</summary>
    Task<MediaProbeResult> ProbeAsync(string url, CancellationToken cancellationToken);
}

/// <summary>What fetching a media URL found.</summary>
/// <param name="StatusCode">The HTTP status, or null when no answer came (DNS, TLS, timeout).</param>
/// <param name="ContentType">The media type of the answer, without parameters.</param>
/// <param name="Error">Why there was no answer.</param>
public sealed record MediaProbeResult(int? StatusCode, string? ContentType = null, long? Bytes = null, string? Error = null);
