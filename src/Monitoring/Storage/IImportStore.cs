using Monitoring.Shop.Import;

namespace Monitoring.Storage;

/// <summary>A row of the quarantine: a source row that could not be mapped, where it came from and why.</summary>
public sealed record QuarantinedRow(long Id, string Source, string Origin, long Line, string? Entity, string Reason,
    IReadOnlyDictionary<string, string?> Raw, long RunId, DateTimeOffset QuarantinedAt);

/// <summary>One import of one origin of a source, as recorded.</summary>
public sealed record ImportRun(long Id, string Source, string Origin, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string Status, long RowsRead, long RowsRejected, string? ReportJson, string? Error);

/// <summary>The import runs, the quarantine and the sources' watermarks.</summary>
public interface IImportStore
{
    Task<long> StartRunAsync(string source, string origin, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records how the run ended, with its report as JSON.</summary>
    Task FinishRunAsync(ImportReport report, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Keeps rejected rows; a row already quarantined at the same source, origin and line is replaced.</summary>
    Task QuarantineAsync(long runId, string source, string origin, IReadOnlyList<MappedRow> rejected, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>
    /// After a complete import of an origin: removes the rows quarantined by earlier runs of it that this run did not
    /// reject again, because they are fixed. Returns how many left.
    /// </summary>
    Task<long> ReleaseFixedAsync(string source, string origin, long runId, CancellationToken cancellationToken);

    /// <summary>
    /// After a complete import of an origin: marks the earlier runs of it still recorded as running as
    /// <c>interrupted</c> (their process died: killed, crashed), since this run has imported the whole origin again.
    /// Returns how many.
    /// </summary>
    Task<long> CloseInterruptedAsync(string source, string origin, long runId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuarantinedRow>> ListQuarantineAsync(string? source, int limit, long? beforeId, CancellationToken cancellationToken);

    Task<long> CountQuarantineAsync(string? source, CancellationToken cancellationToken);

    Task<IReadOnlyList<ImportRun>> ListRunsAsync(string? source, int limit, CancellationToken cancellationToken);
}
