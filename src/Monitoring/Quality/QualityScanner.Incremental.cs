using Monitoring.Quality.Findings;
using Monitoring.Quality.Incremental;
using Monitoring.Storage;

namespace Monitoring.Quality;

/// <summary>
/// The incremental scan (job <c>system:quality-incremental</c>): re-scores the records changed since the last scan of
/// either kind, between the full scans.
/// <para>
/// Which findings it may resolve: those of the records it re-scored, for the rules it ran. A record it loaded and
/// judged again is known to pass, so its finding closes within minutes of the fix instead of waiting for the next
/// full scan; a record it did not load is unknown, so its findings stay as they are (only a full scan resolves what
/// it no longer finds). <see cref="QualityScan.Incremental"/> scopes the lifecycle to exactly those pairs.
/// </para>
/// <para>
/// Rules that compare records with each other (<see cref="IQualityRule.IsSetLevel"/>: unique, near-duplicate names,
/// shared image, unused media) are left to the full scan: judging a changed record against the whole table would
/// mean loading the whole table every few minutes, which is the full scan's cost; and a change can create or clear
/// a finding on a record that did not change (the other holder of a now-unique SKU), which an incremental scan does
/// not look at. Their findings are neither opened nor resolved here; the next full scan (every 15 minutes) does it.
/// </para>
/// <para>
/// A full scan runs instead when there has been none yet, or when the rule set differs from the one the last full
/// scan used (a reload of checks/ that added, removed or changed a rule): a changed rule must be judged on every
/// record. No domain scores are kept: the day's scores are the full scan's, computed over every record.
/// </para>
/// </summary>
public sealed partial class QualityScanner
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Re-scores the records changed since the last scan, or runs a full scan when the rules changed.</summary>
    public async Task<QualityScanReport> ScanChangedAsync(IReadOnlyList<QualityRuleDefinition> rules, CancellationToken cancellationToken)
    {
        if (marks is null) throw new InvalidOperationException("an incremental quality scan needs the scan marks (watermark store)");
        var since = await marks.LastScanAsync(cancellationToken);
        var hash = QualityRuleSet.Hash(rules);
        if (since is null || await marks.FullScanRulesAsync(cancellationToken) != hash)
        {
            logger.LogInformation("Quality: {Reason}, so this incremental scan is a full one",
                since is null ? "no scan has run yet" : "the rules changed since the last full scan");
            return await ScanAsync(rules, cancellationToken);
        }

        using var turn = await EnterAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changes = await QualityChangeSet.FindAsync(shop, since.Value, cancellationToken);
        var recordRules = rules.Where(r => !r.Rule.IsSetLevel).ToList();
        if (changes.IsEmpty || recordRules.Count == 0)
        {
            await marks.ScanDoneAsync(now, cancellationToken);
            return new QualityScanReport(now, 0, [], new Dictionary<FindingTransition, int>(),
                (int)await store.CountAsync(new FindingQuery(), cancellationToken)) { Incremental = true };
        }

        var loaded = await QualityRecordLoader.LoadAsync(shop, recordRules, now - RevenueWindow, cancellationToken, changes);
        var context = new QualityScanContext { Now = now, ReferenceSets = loaded.ReferenceSets, MediaProbe = mediaProbes?.Start() };
        var evaluation = await new QualityEvaluator(recordRules).EvaluateAsync(loaded.Records, context, cancellationToken: cancellationToken);
        var previous = await store.LoadStatesAsync(cancellationToken);
        var found = FindingLifecycle.Apply(previous, QualityScan.Incremental(evaluation, loaded.Records, now));
        await store.UpsertAsync(found.Select(c => c.State).ToList(), cancellationToken);
        await marks.ScanDoneAsync(now, cancellationToken);

        var transitions = found.GroupBy(c => c.Transition).ToDictionary(g => g.Key, g => g.Count());
        var report = new QualityScanReport(now, loaded.Records.Count, [], transitions,
            (int)await store.CountAsync(new FindingQuery(), cancellationToken)) { Incremental = true };
        logger.LogInformation("Quality incremental scan since {Since:O}: {Products} product(s) and {Accounts} account(s) changed, {Records} record(s) re-scored, {Opened} finding(s) opened, {Resolved} resolved",
            since, changes.Products.Count, changes.Accounts.Count, report.Records,
            transitions.GetValueOrDefault(FindingTransition.Opened) + transitions.GetValueOrDefault(FindingTransition.Reopened),
            transitions.GetValueOrDefault(FindingTransition.Resolved));
        return report;
    }

    /// <summary>One scan at a time: a full and an incremental scan that overlapped could each write the other's
    /// findings back from an older reading.</summary>
    private async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
