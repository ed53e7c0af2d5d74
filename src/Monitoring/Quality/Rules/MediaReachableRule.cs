namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>media_reachable</c> (on media): the URL answers 2xx through the scan's <see cref="IMediaProbe"/>, and an image
/// answers with an <c>image/*</c> content type (a redirect to an HTML page or placeholder fails, research
/// MED.IMAGE.REACHABLE). At most <c>concurrency</c> (default 8) fetches run at once. Without a probe (a unit run,
/// or a scan that skips I/O) the rule does not apply.
/// </summary>
public sealed class MediaReachableRule(int concurrency) : IQualityRule
{
    public static QualityRuleKind Kind { get; } = new("media_reachable", QualityDimension.Media, "{value} {detail}",
        s => new MediaReachableRule(s.Int("concurrency", 1) ?? 8));

    public bool IsSetLevel => false;

    public async Task<IReadOnlyList<RuleOutcome>> EvaluateAsync(IReadOnlyList<QualityRecord> records, QualityScanContext context, CancellationToken cancellationToken)
    {
        if (context.MediaProbe is not { } probe) return [];
        var outcomes = new RuleOutcome?[records.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Count), options, async (i, ct) =>
        {
            var record = records[i];
            if (record.Text("url") is not { } url) return;
            try { outcomes[i] = Judge(record, url, await probe.ProbeAsync(url, ct)); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes[i] = RuleOutcome.Fail(record, "url", url, $"could not be fetched: {e.Message}");
            }
        });
        return outcomes.OfType<RuleOutcome>().ToList();
    }

    private static RuleOutcome Judge(QualityRecord record, string url, MediaProbeResult result)
    {
        if (result.StatusCode is not { } status) return RuleOutcome.Fail(record, "url", url, $"does not answer: {result.Error ?? "no response"}");
        if (status is < 200 or > 299) return RuleOutcome.Fail(record, "url", url, $"answers HTTP {status}");
        var isImage = string.Equals(record.Text("kind"), "image", StringComparison.OrdinalIgnoreCase);
        if (isImage && result.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true)
            return RuleOutcome.Fail(record, "url", url, $"answers {result.ContentType ?? "no content type"}, not an image");
        return RuleOutcome.Pass(record);
    }
}
