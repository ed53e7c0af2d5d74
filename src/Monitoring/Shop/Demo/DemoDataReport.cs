namespace Monitoring.Shop.Demo;

/// <summary>
/// What a generation produced: rows per entity and how many records carry each injected defect (keys of
/// <see cref="DemoDefects"/>). Both are exact, so a quality rule's findings can be compared to them.
/// </summary>
public sealed record DemoDataReport(
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyDictionary<string, long> Defects,
    DateOnly Start,
    DateOnly End)
{
    /// <summary>Rows of that entity (<c>order_line</c>), 0 when none.</summary>
    public long RowsOf(string entity) => Rows.GetValueOrDefault(entity);

    /// <summary>Records carrying that defect, 0 when none.</summary>
    public long DefectsOf(string defect) => Defects.GetValueOrDefault(defect);

    public long TotalRows => Rows.Values.Sum();
}
