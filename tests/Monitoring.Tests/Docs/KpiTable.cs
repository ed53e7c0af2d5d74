using Monitoring.Kpis;

namespace Monitoring.Tests.Docs;

/// <summary>
/// The README's table of KPI definitions, written from the catalogue itself (id, name, formula, denominator,
/// exclusions, unit, direction, alert team, segments), so that the manual says exactly what the code computes.
/// </summary>
public static class KpiTable
{
    public static string Markdown()
    {
        var lines = new List<string>
        {
            "| id | KPI | formula | denominator | exclusions | unit | better | anomalies to | segments |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        lines.AddRange(KpiCatalog.All.Select(k => string.Join(" | ",
            $"| `{k.Id}`", k.Name, KpiFormulas.Of(k), k.DenominatorName.Length == 0 ? "—" : k.DenominatorName, k.Exclusions,
            k.Unit.ToString().ToLowerInvariant(), k.HigherIsBetter ? "higher" : "lower", k.AlertTeam, Segments(k)) + " |"));
        return string.Join('\n', lines);
    }

    private static string Segments(KpiDefinition kpi) => kpi.Dimensions switch
    {
        null => "all",
        { Count: 0 } => "whole shop only",
        var dimensions => string.Join(", ", SegmentKey.Dimensions.Where(dimensions.Contains)),
    };
}
