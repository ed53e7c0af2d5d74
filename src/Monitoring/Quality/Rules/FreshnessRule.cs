using Monitoring.Checks;

namespace Monitoring.Quality.Rules;

/// <summary><c>freshness</c>: a timestamp is not older than <c>max_age</c> (a duration: <c>30d</c>, <c>12h</c>) at the
/// scan's time, nor more than a day in the future (a clock or time-zone error). A missing timestamp does not apply.</summary>
public sealed class FreshnessRule(string field, TimeSpan maxAge) : RecordRule
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public static QualityRuleKind Kind { get; } = new("freshness", QualityDimension.Timeliness, "{field} {value} is {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Get(field) is null) return null;
        if (record.Instant(field) is not { } at) return RuleOutcome.Fail(record, field, record.Get(field), "not a timestamp");
        var age = context.Now - at;
        if (age > maxAge) return RuleOutcome.Fail(record, field, at, $"{(int)age.TotalDays} days old, at most {Durations.Format(maxAge)} allowed");
        if (-age > FutureTolerance) return RuleOutcome.Fail(record, field, at, "in the future");
        return Pass(record);
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var field = s.Field("field", "updated_at");
        var maxAge = s.Node.Duration("max_age");
        if (maxAge is null && s.Node.Child("max_age") is null) s.Node.RequiredChild("max_age");
        return field is null || maxAge is null ? null : new FreshnessRule(field, maxAge.Value);
    }
}
