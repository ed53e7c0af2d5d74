using Monitoring.Kpis;
using Monitoring.Kpis.Anomalies;
using Monitoring.Kpis.Reports;

namespace Monitoring.Web.Api.Json;

/// <summary>
/// The shapes of the KPI JSON: a KPI against its past and target (the KPIs list, the managers' overview, the report), a
/// KPI's page with its daily and weekly history, and the weekly report or monthly pack.
/// </summary>
public static class KpiJson
{
    /// <summary>A KPI over a period: value and figures, the previous period, a year earlier, the 13-week trend, target and light.</summary>
    public sealed record Comparison(string Kpi, string Name, string Unit, decimal? Value, decimal? Numerator, decimal? Denominator,
        decimal? Previous, decimal? ChangeOnPrevious, decimal? YearEarlier, decimal? ChangeOnYearEarlier, IReadOnlyList<Trend> Trend,
        Target? Target, string Light);

    /// <summary>One ISO week of the trend (null: no value).</summary>
    public sealed record Trend(string Period, decimal? Value);

    /// <summary>The target that applies, with whom it belongs to and what to do when it is missed.</summary>
    public sealed record Target(decimal Value, DateOnly? Deadline, string? Owner, string? Note);

    /// <summary>The KPIs of a period and segment, and the segments that have data in the period (the page's selector).</summary>
    public sealed record KpiList(string Period, DateOnly Start, DateOnly End, string Segment, IReadOnlyList<string> Segments,
        IReadOnlyList<Comparison> Kpis);

    /// <summary>The managers' overview: the headline KPIs as tiles and the KPIs below target (both empty when the period has no data).</summary>
    public sealed record ManagersOverview(string Period, DateOnly Start, DateOnly End, bool HasData, IReadOnlyList<Comparison> Tiles,
        IReadOnlyList<Comparison> BelowTarget);

    /// <summary>A KPI's page: its definition, the comparison, and its history per day (8 weeks) and per ISO week (53) with anomalies.</summary>
    public sealed record KpiPage(Definition Definition, string Period, DateOnly Start, DateOnly End, string Segment, Comparison Comparison,
        string? TargetAppliesTo, IReadOnlyList<Point> Daily, IReadOnlyList<Flag> DailyAnomalies, IReadOnlyList<Point> Weekly,
        IReadOnlyList<Flag> WeeklyAnomalies);

    /// <summary>What the KPI is: formula, denominator, what it leaves out, its unit, which way is better, who hears of it.</summary>
    public sealed record Definition(string Id, string Name, string Formula, string Denominator, string Exclusions, string Unit,
        bool HigherIsBetter, string Audience);

    /// <summary>A value of the history: the day (the Monday for a week), the value and its denominator.</summary>
    public sealed record Point(DateOnly Day, double Value, double? Denominator);

    /// <summary>A value the detector flags: drop or spike, against the baseline's median, with its robust z.</summary>
    public sealed record Flag(DateOnly Day, string Direction, double Actual, double Expected, double Mad, double RobustZ);

    /// <summary>The weekly report or monthly pack: what the page and the email show.</summary>
    public sealed record Report(string Name, string Period, DateOnly Start, DateOnly End, IReadOnlyList<Comparison> Tiles,
        IReadOnlyList<Comparison> BelowTarget, IReadOnlyList<ReportAnomaly> Anomalies, ChurnSummary Churn, IReadOnlyList<Uptime> Uptime,
        IReadOnlyList<Quality> Quality);

    /// <summary>An anomaly of the period: the KPI, the day or week, and the flagged value.</summary>
    public sealed record ReportAnomaly(string Kpi, string Grain, string Period, Flag Anomaly);

    /// <summary>The churn list in brief: counts per state and the accounts with the most revenue at stake.</summary>
    public sealed record ChurnSummary(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ChurnAccount> TopAtRisk);

    /// <summary>An account of the churn brief.</summary>
    public sealed record ChurnAccount(string AccountId, string? Account, string? SalesRep, string Status, string Reason, decimal AtStake);

    /// <summary>A check's availability over the period (null: nothing observed) and its time down.</summary>
    public sealed record Uptime(string CheckId, double? Availability, double DownSeconds);

    /// <summary>A data-quality domain's score at the end of the period and of the one before.</summary>
    public sealed record Quality(string Domain, double Score, double? Previous, double? Change);

    public static Comparison Of(KpiComparison c) => new(c.Kpi.Id, c.Kpi.Name, c.Kpi.Unit.ToString().ToLowerInvariant(),
        c.Current.Value, c.Current.Numerator, c.Current.Denominator, c.Previous.Value, c.ChangeOnPrevious.Relative,
        c.YearEarlier.Value, c.ChangeOnYearEarlier.Relative, c.Trend.Select(t => new Trend(t.Period.Label, t.Value)).ToList(),
        c.Target is { } t ? new Target(t.Target, t.Deadline, t.Owner, t.Note) : null, c.Light.ToString().ToLowerInvariant());

    public static Definition Of(KpiDefinition k) => new(k.Id, k.Name, KpiFormulas.Of(k), k.DenominatorName, k.Exclusions,
        k.Unit.ToString().ToLowerInvariant(), k.HigherIsBetter, k.Audience.ToString().ToLowerInvariant());

    public static KpiPage PageOf(KpiQuery q, KpiComparison c, KpiHistory h) => new(Of(q.Kpi), q.Period.Label, q.Period.Start, q.Period.End,
        q.Segment.ToString(), Of(c), c.Target is { } t ? t.Period + (t.Segment.IsAll ? "" : ", " + t.Segment) : null,
        h.Daily.Select(Of).ToList(), h.DailyAnomalies.Select(Of).ToList(), h.Weekly.Select(Of).ToList(), h.WeeklyAnomalies.Select(Of).ToList());

    public static Report ReportOf(KpiPeriodReport r) => new(r.Name, r.Period.Label, r.Period.Start, r.Period.End,
        r.Tiles.Select(Of).ToList(), r.BelowTarget.Select(Of).ToList(),
        r.Anomalies.Select(a => new ReportAnomaly(a.Kpi.Id, a.Grain, a.Period.Label, Of(a.Anomaly))).ToList(),
        new ChurnSummary(r.Churn.Counts.ToDictionary(c => ChurnBrief.Name(c.Key), c => c.Value),
            r.Churn.TopAtRisk.Select(e => new ChurnAccount(e.Account.Id, e.Account.Name, e.Account.SalesRep,
                e.Assessment.Status.ToString().ToLowerInvariant(), e.Assessment.Describe(), ChurnBrief.AtStake(e))).ToList()),
        r.Uptime.Select(u => new Uptime(u.CheckId, u.Availability, u.Down.TotalSeconds)).ToList(),
        r.Quality.Select(q => new Quality(q.Domain, q.Score, q.Previous, q.Change)).ToList());

    private static Point Of(SeriesPoint p) => new(p.Day, p.Value, p.Denominator);

    private static Flag Of(Anomaly a) => new(a.Day, a.Direction.ToString().ToLowerInvariant(), a.Actual, a.Expected, a.Mad, a.RobustZ);
}
