using Monitoring.Checks.Yaml;
using Monitoring.Shop.Sources.Csv;
using Monitoring.Shop.Sources.Sql;

namespace Monitoring.Shop.Sources;

/// <summary>What every source declares, read before its kind reads the rest.</summary>
/// <param name="Id">The validated id.</param>
/// <param name="Cron">The schedule as a 6-field cron, or null for on demand only.</param>
/// <param name="DeclaredAt">Where it is declared, <c>checks/sources/erp.yaml:3</c>.</param>
public sealed record SourceHeader(string Id, string? Cron, string DeclaredAt);

/// <summary>A kind of source as written in YAML, and how it reads its own keys (it then rejects unknown ones).</summary>
public sealed record SourceKind(string Name, Func<ConfigNode, SourceHeader, SourceDefinition?> Read);

/// <summary>Every source kind the service knows. Adding a kind is one folder and one line here.</summary>
public static class SourceKinds
{
    public static IReadOnlyList<SourceKind> All { get; } =
    [
        new("csv", CsvSource.Read),
        new("sql", SqlSource.Read),
    ];
}
