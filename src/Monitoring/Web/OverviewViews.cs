using Monitoring.Kpis;
using Monitoring.Kpis.Reports;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web;

/// <summary>The managers' overview: the headline KPIs that have a value, and every KPI below its target.</summary>
public sealed record ManagersView(Period Period, bool HasData, IReadOnlyList<KpiComparison> Tiles, IReadOnlyList<KpiComparison> BelowTarget);

/// <summary>The catalogue overview: each domain's latest score, the head of the work list and the counts.</summary>
public sealed record CatalogueView(IReadOnlyList<QualityScoreDay> Domains, IReadOnlyList<FindingState> Head, long Unresolved, long Open);

/// <summary>Assembles the managers' and catalogue overviews for their pages and the JSON API, so that both say the same.</summary>
public sealed class OverviewViews(KpiReport report, SqlKpiFactsStore facts, IQualityStore quality, TimeProvider time)
{
    /// <summary>How many findings the head of the work list shows; the rest are on /quality.</summary>
    public const int HeadSize = 10;

    public async Task<ManagersView> ManagersAsync(Period period, CancellationToken ct)
    {
        // A period without a single rollup row reads as zeros (no orders, no revenue); say "nothing yet" instead.
        if ((await facts.SegmentsAsync(period.Start, period.End, ct)).Count == 0) return new ManagersView(period, false, [], []);
        var rows = await report.ForAsync(period, ct);
        var tiles = KpiPeriodReport.HeadlineKpis.Select(id => rows.FirstOrDefault(r => r.Kpi.Id == id)).OfType<KpiComparison>().ToList();
        return new ManagersView(period, true, tiles, rows.Where(KpiPeriodReport.Misses).ToList());
    }

    public async Task<CatalogueView> CatalogueAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var domains = (await quality.ListScoresAsync(today.AddDays(-30), ct))
            .GroupBy(d => d.Domain).Select(g => g.Last()).OrderBy(d => d.Domain, StringComparer.Ordinal).ToList();
        var unresolved = new FindingQuery(Limit: HeadSize);
        return new CatalogueView(domains, await quality.ListAsync(unresolved, ct), await quality.CountAsync(unresolved, ct),
            await quality.CountAsync(new FindingQuery(Status: FindingStatus.Open), ct));
    }
}
