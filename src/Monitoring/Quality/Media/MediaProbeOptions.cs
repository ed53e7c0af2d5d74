namespace Monitoring.Quality.Media;

/// <summary>How media URLs are fetched during a quality scan (configuration section <c>Monitoring:Quality:MediaProbe</c>).</summary>
public sealed class MediaProbeOptions
{
    public const string Section = "Monitoring:Quality:MediaProbe";

    /// <summary>False leaves the media rules to the values stored with the media rows and skips reachability.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one URL may take, HEAD and ranged GET together; beyond it the URL does not answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>URLs fetched at once, whatever the rules ask: a scan must not flood the shop's image server.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>The most bytes read from the start of an image to find its size (a JPEG's EXIF can push its frame
    /// header past 64 KB; most need under 1 KB).</summary>
    public int HeaderBytes { get; set; } = 128 * 1024;
}
