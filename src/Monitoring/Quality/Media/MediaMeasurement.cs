namespace Monitoring.Quality.Media;

/// <summary>
/// Before the media rules run, fetches each medium's URL once through the scan's probe and puts what it found in the
/// record: <c>width</c>, <c>height</c> (from the image header), <c>bytes</c> and <c>content_type</c>. The dimension and
/// file-size rules then judge the file as it is served now rather than the values a source last stored; a URL that
/// does not answer gets no size (those rules do not apply; <c>media_reachable</c> reports it).
/// </summary>
public static class MediaMeasurement
{
    /// <summary>The rule kinds that read what the probe measures.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "media_reachable", "image_dimensions", "file_size" };

    public static async Task<List<QualityRecord>> MeasureAsync(IReadOnlyList<QualityRecord> media, IMediaProbe probe, CancellationToken cancellationToken)
    {
        var measured = new QualityRecord[media.Count];
        // The probe bounds its own concurrency; this only keeps the number of waiting tasks small.
        await Parallel.ForEachAsync(Enumerable.Range(0, media.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var record = media[i];
                try { measured[i] = record.Text("url") is { } url ? With(record, await probe.ProbeAsync(url, ct)) : record; }
                // A probe that throws measured nothing: the record keeps its values; media_reachable reports the error.
                catch (Exception e) when (e is not OperationCanceledException) { measured[i] = record; }
            });
        return measured.ToList();
    }

    private static QualityRecord With(QualityRecord record, MediaProbeResult result)
    {
        var values = new Dictionary<string, object?>(record.Values, StringComparer.Ordinal)
        {
            ["width"] = result.Answered ? (long?)result.Width : null,
            ["height"] = result.Answered ? (long?)result.Height : null,
            ["bytes"] = result.Answered ? result.Bytes : null,
        };
        if (result.ContentType is not null) values["content_type"] = result.ContentType;
        return record with { Values = values };
    }
}
