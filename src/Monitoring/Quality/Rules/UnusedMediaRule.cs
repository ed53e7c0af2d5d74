namespace Monitoring.Quality.Rules;

/// <summary><c>unused_media</c> (on media): the media's SKU is a product of the scan's <c>set</c> (default
/// <c>product</c>, all SKUs; give the active ones to flag media of retired products too). Orphan media cost storage
/// and never show (research DQ-M-02). Without the set, the rule does not apply.</summary>
public sealed class UnusedMediaRule(string set) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("unused_media", QualityDimension.Media, "media {key} {detail}",
        s => new UnusedMediaRule(s.Node.String("set") ?? "product"));

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (context.ReferenceSets.GetValueOrDefault(set) is not { } products) return null;
        var sku = record.Text("sku")?.Trim();
        if (sku is null) return RuleOutcome.Fail(record, "sku", null, "is attached to no product");
        return products.Contains(sku) ? Pass(record) : RuleOutcome.Fail(record, "sku", sku, $"is attached to {sku}, which is not in {set}");
    }
}
