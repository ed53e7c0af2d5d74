namespace Monitoring.Quality.Rules;

/// <summary><c>required</c>: every listed field has a value (blank text counts as missing).
/// Settings: <c>field</c> or <c>fields</c>.</summary>
public sealed class RequiredRule(IReadOnlyList<string> fields) : RecordRule
{
    public static QualityRuleKind Kind { get; } = new("required", QualityDimension.Completeness, "{field} is missing",
        s => FieldsOf(s) is { Count: > 0 } fields ? new RequiredRule(fields) : null);

    protected override RuleOutcome? Check(QualityRecord record, QualityScanContext context)
    {
        // A loop that allocates only for a failure: every product is checked, few fail.
        List<string>? missing = null;
        foreach (var field in fields)
            if (!record.HasText(field)) (missing ??= []).Add(field);
        return missing is null ? Pass(record) : RuleOutcome.Fail(record, string.Join(", ", missing), null, "missing");
    }

    /// <summary><c>field: x</c> or <c>fields: [x, y]</c>; one of them is required.</summary>
    internal static IReadOnlyList<string> FieldsOf(RuleSettings s)
    {
        if (s.Node.Child("fields") is not null) return s.Fields("fields");
        return s.Field("field") is { } one ? [one] : [];
    }
}
