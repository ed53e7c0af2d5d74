using Monitoring.Shop.Import;

namespace Monitoring.Shop.Sources;

/// <summary>
/// A source declared in <c>checks/sources/*.yaml</c>: where a shop's data comes from and how it maps into the
/// canonical model. One subclass per kind (csv, sql); the import pipeline only sees the readers it opens.
/// </summary>
public abstract class SourceDefinition
{
    /// <summary>The source's id, unique across checks/ (lower-case, digits, '-' and '_').</summary>
    public required string Id { get; init; }

    /// <summary>The kind as written in YAML: <c>csv</c> or <c>sql</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>When it is imported on its own (interval like <c>15m</c> as a 6-field cron), or null for on demand only.</summary>
    public string? Cron { get; init; }

    /// <summary>Where it is declared, <c>checks/sources/erp.yaml:3</c>.</summary>
    public required string DeclaredAt { get; init; }

    /// <summary>The entities it writes, for the page and the report.</summary>
    public abstract IReadOnlyList<string> Entities { get; }

    /// <summary>
    /// The readers of one import, in order: one per file for csv (the files of the glob, or only
    /// <paramref name="file"/> when given), one per entity query for sql.
    /// </summary>
    public abstract IAsyncEnumerable<IMappedRowReader> OpenAsync(SourceContext context, string? file, CancellationToken cancellationToken);
}
