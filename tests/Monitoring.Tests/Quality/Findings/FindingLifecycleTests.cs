using Monitoring.Quality;
using Monitoring.Quality.Findings;
using static Monitoring.Tests.Quality.QualityTestKit;

namespace Monitoring.Tests.Quality.Findings;

/// <summary>Successive scans over the same findings, as the nightly full scan and the incremental scans will run them.</summary>
public class FindingLifecycleTests
{
    private static readonly DateTimeOffset T0 = Now;

    private static QualityFinding Finding(string key, string value = "4006381333932", string rule = "gtin") =>
        new(rule, "product", key, QualitySeverity.Blocker, QualityDimension.Validity, "gtin", value, $"bad {value}", null, "catalogue", 10);

    private static QualityScan Full(int day, params QualityFinding[] findings) => new(T0.AddDays(day), findings, new HashSet<string> { "gtin" });

    private static QualityScan Incremental(int day, string[] keys, params QualityFinding[] findings) =>
        new(T0.AddDays(day), findings, new HashSet<string> { "gtin" }, keys.Select(k => ("product", k)).ToHashSet());

    /// <summary>Applies the scan to the stored states and returns the stored states afterwards, with the transitions.</summary>
    private static (List<FindingState> Stored, Dictionary<string, FindingTransition> Transitions) Run(List<FindingState> stored, QualityScan scan)
    {
        var changes = FindingLifecycle.Apply(stored, scan);
        var byId = stored.ToDictionary(s => s.Key);
        foreach (var change in changes) byId[change.State.Key] = change.State;
        return (byId.Values.OrderBy(s => s.Key).ToList(), changes.ToDictionary(c => c.State.Key, c => c.Transition));
    }

    [Fact]
    public void Opens_keeps_resolves_and_reopens_over_full_scans()
    {
        var (stored, moves) = Run([], Full(0, Finding("P1"), Finding("P2")));
        Assert.Equal(FindingTransition.Opened, moves["P1"]);
        Assert.All(stored, s => Assert.Equal((FindingStatus.Open, T0, T0), (s.Status, s.FirstSeenAt, s.LastSeenAt)));

        (stored, moves) = Run(stored, Full(1, Finding("P1")));
        Assert.Equal((FindingTransition.StillFailing, FindingTransition.Resolved), (moves["P1"], moves["P2"]));
        Assert.Equal((T0, T0.AddDays(1)), (stored[0].FirstSeenAt, stored[0].LastSeenAt));
        Assert.Equal((FindingStatus.Resolved, T0.AddDays(1)), (stored[1].Status, stored[1].ResolvedAt));

        (stored, moves) = Run(stored, Full(2, Finding("P1")));
        Assert.False(moves.ContainsKey("P2")); // a resolved finding that still passes does not change

        (stored, moves) = Run(stored, Full(3, Finding("P1"), Finding("P2")));
        Assert.Equal(FindingTransition.Reopened, moves["P2"]);
        Assert.Equal((FindingStatus.Open, 1, (DateTimeOffset?)null, T0), (stored[1].Status, stored[1].ReopenCount, stored[1].ResolvedAt, stored[1].FirstSeenAt));
    }

    [Fact]
    public void Resolves_in_an_incremental_scan_only_the_records_it_rescanned()
    {
        var (stored, _) = Run([], Full(0, Finding("P1"), Finding("P2")));
        var (after, moves) = Run(stored, Incremental(1, ["P1"]));
        Assert.Equal(FindingTransition.Resolved, moves["P1"]);
        Assert.False(moves.ContainsKey("P2"));
        Assert.Equal(FindingStatus.Open, after[1].Status);
    }

    [Fact]
    public void Leaves_alone_the_findings_of_rules_the_scan_did_not_run()
    {
        var (stored, _) = Run([], new QualityScan(T0, [Finding("P1", rule: "other")], new HashSet<string> { "other" }));
        var (_, moves) = Run(stored, Full(1));
        Assert.Empty(moves);
    }

    [Fact]
    public void Keeps_an_acknowledged_finding_acknowledged_while_it_fails()
    {
        var (stored, _) = Run([], Full(0, Finding("P1")));
        stored = [FindingLifecycle.Acknowledge(stored[0], "lea")];
        (stored, _) = Run(stored, Full(1, Finding("P1", "4006381333933")));
        Assert.Equal((FindingStatus.Acknowledged, "4006381333933"), (stored[0].Status, stored[0].Value));
        (stored, _) = Run(stored, Full(2));
        Assert.Equal((FindingStatus.Resolved, (string?)null), (stored[0].Status, stored[0].AcknowledgedBy));
    }

    [Fact]
    public void Keeps_an_ignored_finding_ignored_until_its_evidence_changes()
    {
        var (stored, _) = Run([], Full(0, Finding("P1")));
        stored = [FindingLifecycle.Ignore(stored[0], "supplier number, accepted by the marketplace", T0)];
        Assert.Equal(T0.AddDays(180), stored[0].IgnoredUntil); // no expiry given: the longest allowed

        var (same, moves) = Run(stored, Full(1, Finding("P1")));
        Assert.Equal((FindingTransition.StillFailing, FindingStatus.Ignored), (moves["P1"], same[0].Status));

        var (changed, moved) = Run(same, Full(2, Finding("P1", "4006381333933")));
        Assert.Equal((FindingTransition.IgnoreLifted, FindingStatus.Open), (moved["P1"], changed[0].Status));
        Assert.Null(changed[0].IgnoreReason);
    }

    [Fact]
    public void Reopens_an_ignored_finding_when_its_ignore_expires_even_unscanned()
    {
        var (stored, _) = Run([], Full(0, Finding("P1")));
        stored = [FindingLifecycle.Ignore(stored[0], "seasonal product", T0, until: T0.AddDays(7))];

        var (before, early) = Run(stored, Incremental(6, ["P9"]));
        Assert.Empty(early);
        var (after, late) = Run(before, Incremental(7, ["P9"]));
        Assert.Equal((FindingTransition.IgnoreLifted, FindingStatus.Open), (late["P1"], after[0].Status));
    }

    [Fact]
    public void Refuses_an_ignore_without_a_reason()
    {
        var state = FindingState.From(Finding("P1"), T0);
        Assert.Throws<ArgumentException>(() => FindingLifecycle.Ignore(state, " ", T0));
    }

    [Fact]
    public async Task Builds_scans_from_evaluations()
    {
        var (rules, _) = Read(QualityExamples.Catalogue);
        var evaluator = new QualityEvaluator(rules);
        var bad = Product(("gtin", "4006381333932"));
        var evaluation = await evaluator.EvaluateAsync([bad], Context);

        var first = FindingLifecycle.Apply([], QualityScan.Incremental(evaluation, [bad], T0));
        var gtin = Assert.Single(first, c => c.State.RuleId == "product-gtin-valid");
        Assert.Equal(FindingTransition.Opened, gtin.Transition);

        var fixedRecord = Product(("gtin", "4006381333931"));
        var rescan = await evaluator.EvaluateAsync([fixedRecord], Context);
        var second = FindingLifecycle.Apply(first.Select(c => c.State), QualityScan.Full(rescan, T0.AddDays(1)));
        Assert.Equal(FindingTransition.Resolved, Assert.Single(second, c => c.State.RuleId == "product-gtin-valid").Transition);
    }
}
