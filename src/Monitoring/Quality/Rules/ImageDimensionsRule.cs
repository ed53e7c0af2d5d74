namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>image_dimensions</c> (on media): an image is at least <c>min_long_side</c> pixels on its longer side (default
/// 1000, the zoom threshold of research DQ-M-04) and at least <c>min_width</c> × <c>min_height</c> when set. Under
/// <c>categories</c>, a list of <c>{prefix, min_long_side}</c>, products whose category path starts with a prefix
/// need more (context: the media's owner product). Media not measured yet do not apply.
/// </summary>
public sealed class ImageDimensionsRule(int minLongSide, int minWidth, int minHeight, IReadOnlyList<(string Prefix, int MinLongSide)> categories) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("image_dimensions", QualityDimension.Media, "image {value}: {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Number("width") is not { } width || record.Number("height") is not { } height) return null;
        var required = minLongSide;
        if (record.Owner?.Text("category_path") is { } category)
        {
            // The strictest of the matching prefixes; loops, not LINQ: every medium of the catalogue comes here.
            var matched = false;
            foreach (var (prefix, min) in categories)
                if (category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    required = matched ? Math.Max(required, min) : min;
                    matched = true;
                }
        }
        // Formatted only for a failure.
        string Shown() => $"{width}×{height} px";
        if (Math.Max(width, height) < required) return RuleOutcome.Fail(record, "width", Shown(), $"long side under {required} px");
        if (width < minWidth || height < minHeight) return RuleOutcome.Fail(record, "width", Shown(), $"under {minWidth}×{minHeight} px");
        return Pass(record);
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var categories = new List<(string, int)>();
        foreach (var item in s.Node.Items("categories"))
        {
            if (!item.ExpectMapping()) continue;
            var prefix = item.RequiredString("prefix");
            var min = item.Int("min_long_side");
            if (min is null && item.Child("min_long_side") is null) item.RequiredChild("min_long_side");
            item.RejectUnknownKeys();
            if (prefix is not null && min is not null) categories.Add((prefix, min.Value));
        }
        return new ImageDimensionsRule(s.Int("min_long_side", 1) ?? 1000, s.Int("min_width") ?? 0, s.Int("min_height") ?? 0, categories);
    }
}
