namespace Monitoring.Quality.Rules;

/// <summary><c>file_size</c> (on media): the file's <c>bytes</c> are within <c>min_bytes</c> (default 1: an empty
/// answer is a broken file) and <c>max_bytes</c> (default 16 MB, Google Merchant Center's image limit; heavy files
/// slow pages). Media not measured yet do not apply.</summary>
public sealed class FileSizeRule(long minBytes, long maxBytes) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("file_size", QualityDimension.Media, "file of {value} bytes: {detail}",
        s => new FileSizeRule((long?)s.Decimal("min_bytes") ?? 1, (long?)s.Decimal("max_bytes") ?? 16L * 1024 * 1024));

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Number("bytes") is not { } bytes) return null;
        if (bytes < minBytes) return RuleOutcome.Fail(record, "bytes", bytes, bytes == 0 ? "empty" : $"under {minBytes} bytes");
        if (bytes > maxBytes) return RuleOutcome.Fail(record, "bytes", bytes, $"over {maxBytes} bytes");
        return Pass(record);
    }
}
