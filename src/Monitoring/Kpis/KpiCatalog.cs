using Monitoring.Kpis.Families;

namespace Monitoring.Kpis;

/// <summary>
/// Every KPI the engine knows, one family per line (adding a family = one file and one line here). Ids are unique; a
/// test holds that.
/// </summary>
public static class KpiCatalog
{
    /// <summary>All KPI definitions, in page order.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
    [
        .. TrafficKpis.All,
        .. ConversionKpis.All,
        .. RevenueKpis.All,
        .. BasketKpis.All,
        .. CustomerKpis.All,
        .. ServiceKpis.All,
        .. LogisticsKpis.All,
        .. StockKpis.All,
    ];

    private static readonly Dictionary<string, KpiDefinition> ById = All.ToDictionary(k => k.Id, StringComparer.Ordinal);

    /// <summary>The KPI with that id, or null.</summary>
    public static KpiDefinition? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>Every KPI that applies to the input's segment, evaluated on it.</summary>
    public static IReadOnlyList<(KpiDefinition Kpi, KpiValue Value)> EvaluateAll(KpiInput input) =>
        All.Where(k => k.AppliesTo(input.Segment)).Select(k => (k, k.Evaluate(input))).ToList();
}
