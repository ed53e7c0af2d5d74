namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>image_present</c> (on products, context: the product's media): at least <c>min_count</c> (default 1) media of
/// the <c>kinds</c> (default image), not counting those whose last check found them <c>broken</c> unless
/// <c>count_broken: true</c> (research MED.IMAGE.PRESENT / MED.IMAGE.COUNT).
/// </summary>
public sealed class ImagePresentRule(int minCount, IReadOnlySet<string> kinds, bool countBroken) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("image_present", QualityDimension.Media, "{detail}",
        s => new ImagePresentRule(s.Int("min_count", 1) ?? 1,
            (s.Strings("kinds") is { Count: > 0 } k ? k : ["image"]).ToHashSet(StringComparer.OrdinalIgnoreCase), s.Bool("count_broken", false)));

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        var count = record.Media.Count(m => m.Text("kind") is { } kind && kinds.Contains(kind)
                                            && (countBroken || !string.Equals(m.Text("status"), "broken", StringComparison.OrdinalIgnoreCase)));
        if (count >= minCount) return Pass(record);
        var shown = string.Join("/", kinds);
        return RuleOutcome.Fail(record, "media", count, count == 0 ? $"no {shown}" : $"{count} {shown}, at least {minCount} expected");
    }
}
