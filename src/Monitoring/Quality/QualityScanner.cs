using Monitoring.Metrics;
using Monitoring.Quality.Findings;
using Monitoring.Quality.Scoring;
using Monitoring.Shop.Model;
using Monitoring.Storage;

namespace Monitoring.Quality;

/// <summary>What one scan found: the domain scores, what happened to the findings, and the work list's size.</summary>
public sealed record QualityScanReport(
    DateTimeOffset At,
    int Records,
    IReadOnlyList<DomainScore> Domains,
    IReadOnlyDictionary<FindingTransition, int> Transitions,
    int Unresolved)
{
    /// <summary>How long each part of the scan took (load, evaluate, lifecycle, upsert, score), in order: the log
    /// line and the benchmark show where a slow scan spends its time.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Took)> Phases { get; init; } = [];
    /// <summary>True for an incremental scan: only the changed records were re-scored, and no domain scores were kept.</summary>
    public bool Incremental { get; init; }
}

/// <summary>
/// A full scan of the store: streams the records the rules' entities need (with their related rows and 90-day
/// revenue; QualityScanner.Streamed.cs), evaluates the rules and scores the records as they come, moves the findings
/// through their lifecycle, and keeps today's domain scores.
/// With <see cref="Incremental.QualityScanMarks"/> it also records when it ran and with which rules, for
/// <see cref="ScanChangedAsync"/> (in QualityScanner.Incremental.cs). Scans of one scanner run one at a time.
/// </summary>
public sealed partial class QualityScanner(IQualityStore store, SqlShopRecords shop, TimeProvider time, ILogger<QualityScanner> logger,
    MonitoringMetrics? metrics = null, IQualityHistoryStore? history = null, Incremental.QualityScanMarks? marks = null,
    Media.MediaProbes? mediaProbes = null)
{
    /// <summary>The window of the revenue that weights scores and priorities (research §6.2.7).</summary>
    public static readonly TimeSpan RevenueWindow = TimeSpan.FromDays(90);

    public async Task<QualityScanReport> ScanAsync(IReadOnlyList<QualityRuleDefinition> rules, CancellationToken cancellationToken)
    {
        using var turn = await EnterAsync(cancellationToken);
        var now = time.GetUtcNow();
        var phases = new PhaseClock();
        var previous = await store.LoadStatesAsync(cancellationToken);
        var evaluation = await EvaluateStreamedAsync(rules, previous, now, phases, cancellationToken);

        var changes = FindingLifecycle.Apply(previous, new QualityScan(now, evaluation.Findings, rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal)));
        phases.End("lifecycle");
        await store.UpsertAsync(changes.Select(c => c.State).ToList(), cancellationToken);
        phases.End("upsert");

        var states = previous.ToDictionary(s => (s.RuleId, s.Entity, s.Key));
        foreach (var change in changes) states[(change.State.RuleId, change.State.Entity, change.State.Key)] = change.State;
        if (history is not null) await history.SaveChangedAsync(evaluation.Scores, now, cancellationToken); // the records' grade history
        var domains = evaluation.Domains.Scores();
        await store.SaveScoresAsync(DateOnly.FromDateTime(now.UtcDateTime), domains, now, cancellationToken);
        phases.End("score");

        var open = states.Values.Where(s => s.Status is FindingStatus.Open or FindingStatus.Acknowledged)
            .GroupBy(s => s.RuleId).ToDictionary(g => g.Key, g => g.Count());
        metrics?.RecordQuality(domains, rules, open);

        var transitions = changes.GroupBy(c => c.Transition).ToDictionary(g => g.Key, g => g.Count());
        var report = new QualityScanReport(now, evaluation.Records, domains, transitions,
            states.Values.Count(s => s.Status != FindingStatus.Resolved)) { Phases = phases.Ended };
        logger.LogInformation("Quality scan: {Records} record(s), {Opened} finding(s) opened, {Resolved} resolved, {Unresolved} unresolved; {Scores}; {Phases}",
            report.Records, transitions.GetValueOrDefault(FindingTransition.Opened) + transitions.GetValueOrDefault(FindingTransition.Reopened),
            transitions.GetValueOrDefault(FindingTransition.Resolved), report.Unresolved,
            string.Join(", ", domains.Select(d => $"{d.Domain} {d.Score:0.0} ({d.Grade})")),
            string.Join(", ", report.Phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds:0.00} s")));
        if (marks is not null) await marks.FullScanDoneAsync(now, QualityRuleSet.Hash(rules), cancellationToken);
        return report;
    }
}
