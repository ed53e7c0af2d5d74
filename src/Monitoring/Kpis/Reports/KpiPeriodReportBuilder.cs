using Microsoft.Extensions.Options;
using Monitoring.Checks;
using Monitoring.Kpis.Anomalies;
using Monitoring.Storage;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// Gathers the weekly report or the monthly pack of a period from the rooms that own each part: the KPIs and their
/// targets (<see cref="KpiReport"/>), the anomalies (<see cref="KpiAnomalyFinder"/>), the churn list as it stood on the
/// period's last day, each check's availability from the incident store, and the data-quality domain scores.
/// </summary>
public sealed class KpiPeriodReportBuilder(KpiReport kpis, KpiAnomalyFinder anomalies, ChurnList churn, IIncidentStore incidents,
    IQualityStore quality, ActiveChecks checks, IOptions<KpiReportOptions> options)
{
    public async Task<KpiPeriodReport> BuildAsync(Period period, CancellationToken cancellationToken)
    {
        var comparisons = await kpis.ForAsync(period, cancellationToken);
        var tiles = KpiPeriodReport.HeadlineKpis
            .Select(id => comparisons.FirstOrDefault(c => c.Kpi.Id == id)).OfType<KpiComparison>().ToList();
        var below = comparisons.Where(KpiPeriodReport.Misses).ToList();
        var found = await anomalies.WithinAsync(period, cancellationToken);
        var brief = ChurnBrief.Of(await churn.ForDayAsync(period.End, cancellationToken), Math.Max(0, options.Value.TopAtRisk));
        return new KpiPeriodReport(period, tiles, below, found, brief,
            await UptimeAsync(period, cancellationToken), await QualityAsync(period, cancellationToken));
    }

    private async Task<IReadOnlyList<UptimeRow>> UptimeAsync(Period period, CancellationToken cancellationToken)
    {
        var (from, to) = ShopDays.Of(checks.Current).UtcRange(period);
        var rows = new List<UptimeRow>();
        foreach (var probe in checks.Current.Probes.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var totals = await incidents.AvailabilityAsync(probe.Id, from, to, cancellationToken);
            rows.Add(new UptimeRow(probe.Id, totals.Ratio, totals.Down));
        }
        return rows;
    }

    /// <summary>Each domain's last score on or before the period's end, beside its last one on or before the previous period's end.</summary>
    private async Task<IReadOnlyList<QualityRow>> QualityAsync(Period period, CancellationToken cancellationToken)
    {
        var previousEnd = period.Previous().End;
        var scores = await quality.ListScoresAsync(previousEnd.AddDays(-31), cancellationToken);
        return scores.Where(s => s.Day <= period.End).GroupBy(s => s.Domain, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QualityRow(g.Key, g.MaxBy(s => s.Day)!.Score,
                g.Where(s => s.Day <= previousEnd).MaxBy(s => s.Day)?.Score))
            .ToList();
    }
}
