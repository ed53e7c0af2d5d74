namespace Monitoring.Quality.Rules;

/// <summary>
/// <c>reference</c>: a value names something that exists: a key of the scan's reference set <c>set</c> (e.g.
/// <c>account</c> for <c>parent_account_id</c>, <c>category</c> for <c>category_path</c>; the store provides them),
/// or one of the inline <c>values</c>. A record referencing itself fails (an account cannot be its own parent). A
/// missing value, or a set the scan did not provide, does not apply.
/// </summary>
public sealed class ReferenceRule(string field, string? set, IReadOnlySet<string>? values) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("reference", QualityDimension.Integrity, "{field} '{value}' {detail}", Read);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        if (record.Text(field) is not { } value) return null;
        var known = values ?? (set is not null ? context.ReferenceSets.GetValueOrDefault(set) : null);
        if (known is null) return null;
        if (value == record.Key) return RuleOutcome.Fail(record, field, value, "refers to the record itself");
        return known.Contains(value.Trim()) ? Pass(record) : RuleOutcome.Fail(record, field, value, $"does not exist in {set ?? "the allowed values"}");
    }

    private static IQualityRule? Read(RuleSettings s)
    {
        var field = s.Field("field");
        var set = s.Node.String("set");
        var values = s.Strings("values");
        if ((set is null) == (values.Count == 0))
        {
            s.Node.Error("set either 'set' (a reference set such as account, product, category) or 'values'");
            return null;
        }
        return field is null ? null : new ReferenceRule(field, set, values.Count > 0 ? values.ToHashSet(StringComparer.Ordinal) : null);
    }
}
