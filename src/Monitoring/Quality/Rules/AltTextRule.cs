namespace Monitoring.Quality.Rules;

/// <summary><c>alt_text</c> (on media): an image has alternative text of at least <c>min_length</c> characters
/// (default 1) for accessibility and image search. It applies to media of kind image only.</summary>
public sealed class AltTextRule(int minLength) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("alt_text", QualityDimension.Media, "image has {detail}",
        s => new AltTextRule(s.Int("min_length", 1) ?? 1));

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (!string.Equals(record.Text("kind"), "image", StringComparison.OrdinalIgnoreCase)) return null;
        var alt = record.Text("alt_text")?.Trim();
        if (alt is null) return RuleOutcome.Fail(record, "alt_text", null, "no alt text");
        return alt.Length >= minLength ? Pass(record) : RuleOutcome.Fail(record, "alt_text", alt, $"alt text shorter than {minLength} characters");
    }
}
