using Monitoring.Kpis.Anomalies;
using Monitoring.Kpis.Churn;

namespace Monitoring.Kpis.Reports;

/// <summary>
/// The managers' weekly report or monthly pack (R-KPI-06), as data: what the page, the HTML email and its plain-text
/// alternative all show, so that the three cannot say different things.
/// </summary>
/// <param name="Tiles">The headline KPIs (<see cref="HeadlineKpis"/>) with value, target, change and 13-week trend.</param>
/// <param name="BelowTarget">Every KPI with a target it misses, with its owner and note.</param>
/// <param name="Anomalies">The period's anomalies: each day's, then each complete ISO week's.</param>
/// <param name="Uptime">Availability of every configured check over the period.</param>
/// <param name="Quality">The data-quality score of each domain at the end of the period and at the end of the one before.</param>
public sealed record KpiPeriodReport(
    Period Period,
    IReadOnlyList<KpiComparison> Tiles,
    IReadOnlyList<KpiComparison> BelowTarget,
    IReadOnlyList<KpiAnomaly> Anomalies,
    ChurnBrief Churn,
    IReadOnlyList<UptimeRow> Uptime,
    IReadOnlyList<QualityRow> Quality)
{
    /// <summary>The KPIs shown as tiles, in order: what a manager reads first.</summary>
    public static readonly IReadOnlyList<string> HeadlineKpis =
        ["net_revenue", "orders", "conversion_rate", "average_basket", "visitors", "gross_margin_rate"];

    /// <summary>
    /// True when some headline KPI is not zero. A period without orders or sessions (no shop data source yet, or none
    /// imported for it) still evaluates the counts to zero; a report of zeros would only be noise.
    /// </summary>
    public bool HasShopData => Tiles.Any(t => t.Current.Value is { } value && value != 0);

    /// <summary><c>weekly report</c> or <c>monthly pack</c>.</summary>
    public string Name => Period.Kind == PeriodKind.Month ? "monthly pack" : "weekly report";

    /// <summary>The mail kind: <c>weekly-report</c> or <c>monthly-pack</c>.</summary>
    public string MailKind => Period.Kind == PeriodKind.Month ? "monthly-pack" : "weekly-report";

    /// <summary>True when the KPI misses its target (on the wrong side of it, whatever the tolerance).</summary>
    public static bool Misses(KpiComparison c) =>
        c.Current.Value is { } value && c.Target?.Target is { } goal && (c.Kpi.HigherIsBetter ? value < goal : value > goal);
}

/// <summary>The churn list in brief: how many accounts in each state, and the accounts with the most revenue at stake.</summary>
public sealed record ChurnBrief(IReadOnlyDictionary<ChurnStatus, int> Counts, IReadOnlyList<ChurnListEntry> TopAtRisk)
{
    /// <summary>The states the list holds, in the order shown.</summary>
    public static readonly IReadOnlyList<ChurnStatus> States = [ChurnStatus.AtRisk, ChurnStatus.Contracting, ChurnStatus.Churned];

    /// <summary>The brief of a churn list: counts per state and the <paramref name="top"/> at-risk or contracting accounts by revenue at stake.</summary>
    public static ChurnBrief Of(IReadOnlyList<ChurnListEntry> entries, int top) => new(
        States.ToDictionary(s => s, s => entries.Count(e => e.Assessment.Status == s)),
        entries.Where(e => e.Assessment.Status is ChurnStatus.AtRisk or ChurnStatus.Contracting)
            .OrderByDescending(AtStake).ThenBy(e => e.Account.Id, StringComparer.Ordinal).Take(top).ToList());

    /// <summary>The revenue at stake: the larger of the last 90 days' and the same 90 days a year earlier.</summary>
    public static decimal AtStake(ChurnListEntry e) => Math.Max(e.Assessment.RevenueLast90, e.Assessment.RevenueYearEarlier90);

    /// <summary>A state as people read it.</summary>
    public static string Name(ChurnStatus status) => status switch
    {
        ChurnStatus.AtRisk => "at risk",
        ChurnStatus.Contracting => "contracting",
        ChurnStatus.Churned => "churned this week",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>A check's availability over the period (null when nothing was observed) and the time it was down.</summary>
public sealed record UptimeRow(string CheckId, double? Availability, TimeSpan Down);

/// <summary>A data-quality domain's score (0–100) at the end of the period and at the end of the previous one.</summary>
public sealed record QualityRow(string Domain, double Score, double? Previous)
{
    /// <summary>Score − previous, in points; null without a previous score.</summary>
    public double? Change => Previous is { } p ? Score - p : null;
}
