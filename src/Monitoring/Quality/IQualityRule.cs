namespace Monitoring.Quality;

/// <summary>
/// The evaluator of one rule kind with its settings. Bad data is a failure or "does not apply", never an exception:
/// the evaluator catches what a record's values could make it throw.
/// </summary>
public interface IQualityRule
{
    /// <summary>True when a record's outcome depends on the other records (uniqueness, shared images, unused media):
    /// such a rule must be given the entity's whole scope, even in an incremental scan.</summary>
    bool IsSetLevel { get; }

    /// <summary>One outcome per record the rule applies to; records it does not apply to are left out.</summary>
    Task<IReadOnlyList<RuleOutcome>> EvaluateAsync(IReadOnlyList<QualityRecord> records, QualityScanContext context, CancellationToken cancellationToken);
}

/// <summary>The result of one rule on one record.</summary>
/// <param name="Score">0–100; 100 is a pass. Binary kinds give 0 or 100.</param>
/// <param name="Field">The field at fault, for <c>{field}</c>.</param>
/// <param name="Value">The offending value as shown to people, for <c>{value}</c>.</param>
/// <param name="Detail">Why it fails, for <c>{detail}</c> ("check digit should be 3").</param>
public sealed record RuleOutcome(QualityRecord Record, double Score, string? Field = null, string? Value = null, string? Detail = null)
{
    public bool Passed => Score >= 100;

    public static RuleOutcome Pass(QualityRecord record) => new(record, 100);

    public static RuleOutcome Fail(QualityRecord record, string? field, object? value, string? detail = null) =>
        new(record, 0, field, Evidence(value), detail);

    /// <summary>The evidence as text, cut to 200 characters so a long description does not bloat the findings table.</summary>
    public static string? Evidence(object? value)
    {
        var text = value is string s ? s : QualityRecord.AsText(value);
        return text is { Length: > 200 } ? text[..197] + "..." : text;
    }
}

/// <summary>A record rule's verdict on one record (<see cref="Rules.RecordRule.Judge"/>): its score, and the failed
/// outcome (null for a pass).</summary>
public readonly record struct RuleVerdict(double Score, RuleOutcome? Failure);

/// <summary>What a scan gives every rule besides the records.</summary>
public sealed record QualityScanContext
{
    /// <summary>The scan's "now", from the injected <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Named sets of known values for reference rules: <c>account</c> (account ids), <c>product</c> (SKUs),
    /// <c>category</c> (category paths)… A reference rule whose set is missing does not apply.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ReferenceSets { get; init; } =
        new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Fetches media URLs; without one the reachability rule does not apply.</summary>
    public IMediaProbe? MediaProbe { get; init; }

    /// <summary>Where the evaluation's time goes per rule kind, when someone measures it (the benchmark).</summary>
    public RuleTimes? Profile { get; init; }
}
