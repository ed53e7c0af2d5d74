using Monitoring.Quality.Validators;

namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>length</c>: a text's length in characters is within <c>min</c>..<c>max</c>, counted on the visible text when
/// <c>strip_html</c> (default true; AngleSharp parses the HTML). A missing value does not apply (use <c>required</c>).
/// With <c>partial: true</c> a short text scores <c>100 × length / min</c> instead of 0 (research §6.2.1).
/// </summary>
public sealed class LengthRule(string field, int? min, int? max, bool stripHtml, bool partial) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("length", QualityDimension.Enrichment, "{field} is {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } text) return null;
        var length = stripHtml ? HtmlText.VisibleLength(text) : text.Trim().Length;
        if (min is { } low && length < low)
        {
            var failure = RuleOutcome.Fail(record, field, text, $"{length} characters long, at least {low} expected");
            return partial ? failure with { Score = Math.Floor(100.0 * length / low) } : failure;
        }
        if (max is { } high && length > high)
            return RuleOutcome.Fail(record, field, text, $"{length} characters long, at most {high} allowed");
        return Pass(record);
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var field = s.Field("field");
        var min = s.Int("min");
        var max = s.Int("max");
        if (min is null && max is null) s.Node.Error("set min, max or both");
        if (min > max) s.Node.Child("min")!.Error($"min {min} is above max {max}");
        var rule = new LengthRule(field ?? "", min, max, s.Bool("strip_html", true), s.Bool("partial", false));
        return field is null || min is null && max is null || min > max ? null : rule;
    }
}
