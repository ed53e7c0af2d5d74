using System.Globalization;
using Monitoring.Shop.Sources;

namespace Monitoring.Quality.Incremental;

/// <summary>
/// What the quality scans remember between runs, kept in the watermark store (source <c>quality</c>): when the last
/// scan of either kind started (an incremental scan re-scores what changed from then on), and the hash of the rule set
/// the last full scan judged with (<see cref="QualityRuleSet.Hash"/>).
/// </summary>
public sealed class QualityScanMarks(IWatermarkStore watermarks)
{
    private const string Source = "quality", LastScan = "last_scan", Rules = "full_scan_rules";

    /// <summary>When the last scan started, or null before the first one.</summary>
    public async Task<DateTimeOffset?> LastScanAsync(CancellationToken cancellationToken) =>
        await watermarks.GetAsync(Source, LastScan, cancellationToken) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;

    /// <summary>The rule set's hash of the last full scan, or null before the first one.</summary>
    public Task<string?> FullScanRulesAsync(CancellationToken cancellationToken) => watermarks.GetAsync(Source, Rules, cancellationToken);

    /// <summary>A full scan that started at <paramref name="startedAt"/> is done: it covered every change before then.</summary>
    public async Task FullScanDoneAsync(DateTimeOffset startedAt, string rulesHash, CancellationToken cancellationToken)
    {
        await watermarks.SetAsync(Source, Rules, rulesHash, cancellationToken);
        await ScanDoneAsync(startedAt, cancellationToken);
    }

    /// <summary>A scan that started at <paramref name="startedAt"/> is done. The start, not the end: rows changed
    /// while it ran may have been read before they changed, so the next incremental scan reads them again.</summary>
    public Task ScanDoneAsync(DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        watermarks.SetAsync(Source, LastScan, startedAt.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
}
