namespace Monitoring.Quality.Rules;

/// <summary>
/// The base of the kinds that judge each record on its own. A value that makes the check throw is a failure of that
/// record ("could not be checked"), so a rule bug is visible in the work list rather than silently scoring 100.
/// </summary>
public abstract class RecordRule : IQualityRule
{
    public bool IsSetLevel => false;

    public Task<IReadOnlyList<RuleOutcome>> EvaluateAsync(IReadOnlyList<QualityRecord> records, QualityScanContext context, CancellationToken cancellationToken)
    {
        var outcomes = new List<RuleOutcome>(records.Count);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Outcome(record, context) is not { } outcome) continue;
            outcomes.Add(ReferenceEquals(outcome, SharedPass) ? RuleOutcome.Pass(record) : outcome);
        }
        return Task.FromResult<IReadOnlyList<RuleOutcome>>(outcomes);
    }

    /// <summary>The verdict on one record, or null when the rule does not apply to it; a check that throws is that
    /// record's failure. A streamed scan judges each record by all its rules in turn rather than each rule on a list,
    /// and a pass costs it no object.</summary>
    public RuleVerdict? Judge(QualityRecord record, QualityScanContext context) => Outcome(record, context) switch
    {
        null => null,
        { Passed: true } outcome => new RuleVerdict(outcome.Score, null),
        var outcome => new RuleVerdict(outcome.Score, outcome),
    };

    /// <summary>A pass, as the kinds return it: one outcome shared by every pass of every record (a full scan makes
    /// tens of millions), replaced by the record's own <see cref="RuleOutcome.Pass"/> where outcomes are listed.</summary>
    protected static RuleOutcome Pass(QualityRecord record) => SharedPass;

    private static readonly RuleOutcome SharedPass = new(new QualityRecord("", "", new Dictionary<string, object?>()), 100);

    private RuleOutcome? Outcome(QualityRecord record, QualityScanContext context)
    {
        try { return Check(record, context); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return RuleOutcome.Fail(record, null, null, $"could not be checked: {e.Message}");
        }
    }

    /// <summary>The outcome on one record, or null when the rule does not apply to it (a missing optional value).</summary>
    protected abstract RuleOutcome? Check(QualityRecord record, QualityScanContext context);
}

/// <summary>
/// The base of the kinds that compare records with each other. They need the entity's whole scope; when the data
/// makes the comparison throw, the rule yields nothing for this scan rather than blaming arbitrary records.
/// </summary>
public abstract class SetRule : IQualityRule
{
    public bool IsSetLevel => true;

    public Task<IReadOnlyList<RuleOutcome>> EvaluateAsync(IReadOnlyList<QualityRecord> records, QualityScanContext context, CancellationToken cancellationToken)
    {
        try { return Task.FromResult<IReadOnlyList<RuleOutcome>>(CheckAll(records, context).ToList()); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult<IReadOnlyList<RuleOutcome>>([]);
        }
    }

    /// <summary>Only the failures of <see cref="EvaluateAsync"/>, without keeping the passes (a full scan's set-level
    /// pass over millions of records); null when the data made the comparison throw (the rule yields nothing).</summary>
    public IReadOnlyList<RuleOutcome>? Failures(IReadOnlyList<QualityRecord> records, QualityScanContext context)
    {
        var failures = new List<RuleOutcome>();
        try
        {
            foreach (var outcome in CheckFailures(records, context))
                if (!outcome.Passed) failures.Add(outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
        return failures;
    }

    /// <summary>Whether the rule gives the record an outcome at all (its <c>when:</c> aside) when the comparison runs:
    /// a record that applies and did not fail passed. Null when only the comparison can tell.</summary>
    public virtual bool? Applies(QualityRecord record) => null;

    protected abstract IEnumerable<RuleOutcome> CheckAll(IReadOnlyList<QualityRecord> records, QualityScanContext context);

    /// <summary>The failures of <see cref="CheckAll"/> (passes may be among them and are skipped): a kind overrides it
    /// to make no outcome for each of millions of passes.</summary>
    protected virtual IEnumerable<RuleOutcome> CheckFailures(IReadOnlyList<QualityRecord> records, QualityScanContext context) =>
        CheckAll(records, context);

    /// <summary>The fields of its own records the rule reads. A full scan gives a set-level rule records holding only
    /// these (and the keys): it must see the entity's every record at once, and whole rows of millions would not fit.</summary>
    public abstract IReadOnlyCollection<string> Reads { get; }

    /// <summary>The fields of the owner record (<see cref="QualityRecord.Owner"/>) the rule reads.</summary>
    public virtual IReadOnlyCollection<string> OwnerReads => [];

    /// <summary>The fields of an account's addresses (<see cref="QualityRecord.Addresses"/>) the rule reads; none
    /// means the rule does not read addresses.</summary>
    public virtual IReadOnlyCollection<string> AddressReads => [];

    /// <summary>"SKU-2, SKU-3 and 4 more": the other holders of a shared value, for the finding's detail.</summary>
    protected static string Others(IEnumerable<QualityRecord> others)
    {
        var keys = others.Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", keys.Take(3));
        return keys.Count > 3 ? $"{shown} and {keys.Count - 3} more" : shown;
    }
}
