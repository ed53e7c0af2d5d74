namespace Monitoring.Quality.Findings;

/// <summary>
/// The findings' workflow as pure logic: from the stored findings and one scan's results, the new state of every
/// finding the scan changes. A finding is only resolved by a scan that covered it (its rule ran, and, for an
/// incremental scan, its record was re-scanned), so a partial scan never closes what it did not look at
/// (research §6.3.3).
/// </summary>
public static class FindingLifecycle
{
    /// <summary>The findings that change, with why. Stored findings the scan leaves alone are not returned.</summary>
    public static IReadOnlyList<FindingChange> Apply(IEnumerable<FindingState> previous, QualityScan scan)
    {
        var current = new Dictionary<(string, string, string), QualityFinding>();
        foreach (var finding in scan.Findings) current[(finding.RuleId, finding.Entity, finding.Key)] = finding;

        var changes = new List<FindingChange>();
        foreach (var state in previous)
        {
            var id = (state.RuleId, state.Entity, state.Key);
            if (current.Remove(id, out var finding)) changes.Add(StillFailing(state, finding, scan.At));
            else if (scan.Covers(state.RuleId, state.Entity, state.Key))
            {
                if (state.Status != FindingStatus.Resolved)
                    changes.Add(new(FindingTransition.Resolved, state with
                    {
                        Status = FindingStatus.Resolved, ResolvedAt = scan.At, AcknowledgedBy = null, IgnoreReason = null, IgnoredUntil = null,
                    }));
            }
            else if (state.Status == FindingStatus.Ignored && IgnoreExpired(state, scan.At))
                changes.Add(new(FindingTransition.IgnoreLifted, Lift(state)));
        }
        // Whatever is left has no stored row: a new finding.
        changes.AddRange(current.Values.Select(f => new FindingChange(FindingTransition.Opened, FindingState.From(f, scan.At))));
        return changes;
    }

    private static FindingChange StillFailing(FindingState state, QualityFinding finding, DateTimeOffset at)
    {
        var seen = state.SeenAgain(finding, at);
        return state.Status switch
        {
            FindingStatus.Resolved => new(FindingTransition.Reopened, seen with
            {
                Status = FindingStatus.Open, ResolvedAt = null, ReopenCount = state.ReopenCount + 1,
            }),
            // An ignore covers the evidence a person looked at: new evidence, or the end of the ignore, needs a new look.
            FindingStatus.Ignored when IgnoreExpired(state, at) || finding.Fingerprint != state.Fingerprint =>
                new(FindingTransition.IgnoreLifted, Lift(seen)),
            _ => new(FindingTransition.StillFailing, seen),
        };
    }

    /// <summary>Whether a finding still failing stays ignored after this scan (the ignore has not expired and the
    /// evidence is the one a person looked at): a streamed scan scores it as a pass before the lifecycle runs.</summary>
    public static bool StaysIgnored(FindingState state, QualityFinding finding, DateTimeOffset at) =>
        state.Status == FindingStatus.Ignored && !IgnoreExpired(state, at) && finding.Fingerprint == state.Fingerprint;

    private static bool IgnoreExpired(FindingState state, DateTimeOffset at) => state.IgnoredUntil is { } until && until <= at;

    private static FindingState Lift(FindingState state) => state with { Status = FindingStatus.Open, IgnoreReason = null, IgnoredUntil = null };

    /// <summary>A person takes the finding on. Only an open finding can be acknowledged.</summary>
    public static FindingState Acknowledge(FindingState state, string by) =>
        state.Status == FindingStatus.Open
            ? state with { Status = FindingStatus.Acknowledged, AcknowledgedBy = by }
            : throw new InvalidOperationException($"a finding that is {state.Status} cannot be acknowledged");

    /// <summary>A person decides the finding is not a defect: a reason is required, and an ignore lasts at most
    /// <paramref name="maxDays"/> (default 180) so that nothing is waved away for good.</summary>
    public static FindingState Ignore(FindingState state, string reason, DateTimeOffset now, DateTimeOffset? until = null, int maxDays = 180)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("an ignore needs a reason", nameof(reason));
        if (state.Status == FindingStatus.Resolved) throw new InvalidOperationException("a resolved finding cannot be ignored");
        var latest = now.AddDays(maxDays);
        return state with { Status = FindingStatus.Ignored, IgnoreReason = reason.Trim(), IgnoredUntil = until is { } u && u < latest ? u : latest };
    }
}

/// <summary>What a scan did to a finding.</summary>
public enum FindingTransition
{
    /// <summary>Failing for the first time.</summary>
    Opened,

    /// <summary>Still failing (open, acknowledged or still ignored); last seen and evidence updated.</summary>
    StillFailing,

    /// <summary>Covered by the scan and passing.</summary>
    Resolved,

    /// <summary>Failing again after it was resolved: a regression, counted.</summary>
    Reopened,

    /// <summary>An ignored finding open again: its ignore expired or its evidence changed.</summary>
    IgnoreLifted,
}

/// <summary>The new state of a finding, and why it changed.</summary>
public sealed record FindingChange(FindingTransition Transition, FindingState State);

/// <summary>
/// One scan's results for the lifecycle. <see cref="RuleIds"/> are the rules that ran; <see cref="Keys"/> the records
/// an incremental scan re-evaluated (entity, key), or null for a full scan of those rules' entities.
/// </summary>
public sealed record QualityScan(
    DateTimeOffset At,
    IReadOnlyList<QualityFinding> Findings,
    IReadOnlySet<string> RuleIds,
    IReadOnlySet<(string Entity, string Key)>? Keys = null)
{
    public bool IsFull => Keys is null;

    /// <summary>Whether this scan looked at that rule on that record, and so can resolve its finding.</summary>
    public bool Covers(string ruleId, string entity, string key) => RuleIds.Contains(ruleId) && (Keys is null || Keys.Contains((entity, key)));

    /// <summary>A full scan from an evaluation.</summary>
    public static QualityScan Full(QualityEvaluation evaluation, DateTimeOffset at) => new(at, evaluation.Findings.ToList(), evaluation.RuleIds);

    /// <summary>An incremental scan from an evaluation of the given records.</summary>
    public static QualityScan Incremental(QualityEvaluation evaluation, IEnumerable<QualityRecord> scanned, DateTimeOffset at) =>
        new(at, evaluation.Findings.ToList(), evaluation.RuleIds, scanned.Select(r => (r.Entity, r.Key)).ToHashSet());
}
