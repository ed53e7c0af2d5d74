namespace Monitoring.Kpis;

/// <summary>What a KPI's value measures, which decides how it is shown and compared.</summary>
public enum KpiUnit
{
    /// <summary>A share between 0 and 1, shown as a percentage.</summary>
    Ratio,
    /// <summary>An amount excl. VAT in the reporting currency.</summary>
    Money,
    /// <summary>A number of things (or things per thing, such as orders per account).</summary>
    Count,
    /// <summary>A duration in days.</summary>
    Days,
    /// <summary>A score on its own scale (NPS from −100 to 100, review stars from 1 to 5).</summary>
    Score,
}

/// <summary>Who an alert on the KPI goes to by default (an alert route in <c>checks/alerts.yaml</c> can change it).</summary>
public enum KpiAudience
{
    /// <summary>The operations team: a change that is likely a technical fault (payment step, refusals).</summary>
    Ops,
    /// <summary>The managers who read the weekly report.</summary>
    Managers,
    /// <summary>The catalogue team: stock-outs and dead stock are theirs to fix.</summary>
    Catalogue,
}

/// <summary>
/// One KPI, defined in one place: its id (a Prometheus label value and the key of targets), what it measures, how it
/// is computed from the period's figures, the name of its denominator (shown on the page beside the value), what it
/// leaves out, which way is good, and who hears about it.
/// </summary>
public sealed record KpiDefinition(
    string Id,
    string Name,
    KpiUnit Unit,
    string DenominatorName,
    string Exclusions,
    bool HigherIsBetter,
    KpiAudience Audience,
    Func<KpiInput, KpiValue> Compute)
{
    /// <summary>The segment dimensions the KPI makes sense for; null means every one (traffic has no category, say).</summary>
    public IReadOnlySet<string>? Dimensions { get; init; }

    /// <summary>
    /// The team its anomaly alerts go to, matched against the routes of <c>checks/alerts.yaml</c> like a check's team:
    /// <c>ops</c>, <c>managers</c> or <c>catalogue</c>. The one place that turns an audience into a route.
    /// </summary>
    public string AlertTeam => Audience switch
    {
        KpiAudience.Ops => "ops",
        KpiAudience.Catalogue => "catalogue",
        _ => "managers",
    };

    /// <summary>True when the KPI can be cut by the segment's dimension.</summary>
    public bool AppliesTo(SegmentKey segment) => segment.IsAll || Dimensions is null || Dimensions.Contains(segment.Dimension);

    /// <summary>Computes the KPI; a KPI that does not apply to the segment has no value.</summary>
    public KpiValue Evaluate(KpiInput input) =>
        AppliesTo(input.Segment) ? Compute(input) : KpiValue.Missing($"not computed per {input.Segment.Dimension}");
}
