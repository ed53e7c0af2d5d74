namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>shared_image</c> (set-level, on media): one image URL attached to products that are not related, usually a
/// placeholder or a copy-paste error (research MED.IMAGE.DUPLICATE_ACROSS). Products are related when their owner
/// records agree on every field of <c>related_by</c> (e.g. <c>[brand]</c> lets a brand's variants share a photo);
/// with none listed, any two products are unrelated. URLs compare without case and trailing slash.
/// </summary>
public sealed class SharedImageRule(IReadOnlyList<string> relatedBy) : SetRule
{
    public static QualityRuleKind Kind { get; } = new("shared_image", QualityDimension.Media, "image {value} is also used by {detail}",
        s => new SharedImageRule(s.Fields("related_by", Shop.Model.ShopModel.Product)));

    public override IReadOnlyCollection<string> Reads => ["url", "sku"];

    public override IReadOnlyCollection<string> OwnerReads => relatedBy.ToList();

    /// <summary>The medium has a URL and a SKU.</summary>
    public override bool? Applies(QualityRecord record) => record.HasText("url") && record.HasText("sku");

    protected override IEnumerable<RuleOutcome> CheckAll(IReadOnlyList<QualityRecord> records, QualityScanContext context) =>
        Check(records, passes: true);

    protected override IEnumerable<RuleOutcome> CheckFailures(IReadOnlyList<QualityRecord> records, QualityScanContext context) =>
        Check(records, passes: false);

    private IEnumerable<RuleOutcome> Check(IReadOnlyList<QualityRecord> records, bool passes)
    {
        // As a GroupBy by URL would give them (groups in the order of their first medium, media in order), grouped by
        // the URLs' hashes (KeyGroups), hashed without building the normalised URL: nearly every URL is used once.
        foreach (var group in KeyGroups.Of(records.Count, i => records[i].Text("url") is { } url && records[i].HasText("sku")
                     ? KeyGroups.HashLowerCase(Normalised(url)) : null, i => Normalised(records[i].Text("url")!).ToString().ToLowerInvariant(), passes))
        {
            if (group.Count == 1)
            {
                yield return RuleOutcome.Pass(records[group[0]]);
                continue;
            }
            var media = group.Select(h => records[h]).ToList();
            var skus = media.Select(m => m.Text("sku")!).Distinct(StringComparer.Ordinal).ToList();
            var related = skus.Count == 1 || relatedBy.Count > 0 && relatedBy.All(field =>
                media.Select(m => m.Owner?.Text(field)).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1
                && media[0].Owner?.Text(field) is not null);
            foreach (var m in media)
            {
                if (related)
                {
                    if (passes) yield return RuleOutcome.Pass(m);
                }
                else yield return RuleOutcome.Fail(m, "url", m.Text("url"),
                    "SKU " + string.Join(", ", skus.Where(s => s != m.Text("sku")).Order(StringComparer.Ordinal).Take(3))
                    + (skus.Count > 4 ? $" and {skus.Count - 4} more" : ""));
            }
        }
    }

    /// <summary>The URL as compared, before its case is ignored: trimmed, without trailing slashes.</summary>
    private static ReadOnlySpan<char> Normalised(string url) => url.AsSpan().Trim().TrimEnd('/');
}
