using System.Text.Json;
using Monitoring.Storage;

namespace Monitoring.Web.Api.Json;

/// <summary>The shapes of the imports page's JSON and of an ingest's answer.</summary>
public static class ImportJson
{
    /// <summary>One import run: rows read and rejected, the per-entity counts (inserted, updated, unchanged…), status and error.</summary>
    public sealed record Run(long Id, string Source, string Origin, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, long Read,
        long Rejected, JsonElement? Entities, string? Error);

    /// <summary>A page of the quarantine: the total, the rows, and where the next page starts (<c>?before=</c>; null: the last page).</summary>
    public sealed record QuarantinePage(long Total, IReadOnlyList<QuarantineRow> Rows, long? Next);

    /// <summary>A row the import refused: where it came from, why, and its raw values.</summary>
    public sealed record QuarantineRow(long Id, string Source, string Origin, long Line, string? Entity, string Reason,
        IReadOnlyDictionary<string, string?> Raw, long RunId, DateTimeOffset QuarantinedAt);

    /// <summary>What an ingest did: the run, the records read, rejected, inserted, updated and unchanged, and why records were rejected.</summary>
    public sealed record IngestResult(long RunId, string Entity, long Read, long Rejected, long Inserted, long Updated, long Unchanged,
        IReadOnlyList<Rejection> Rejections, string? Error);

    /// <summary>A rejected record: its position in the batch (1-based) and the reason.</summary>
    public sealed record Rejection(long Record, string Reason);

    public static Run Of(ImportRun r) => new(r.Id, r.Source, r.Origin, r.StartedAt, r.FinishedAt, r.Status, r.RowsRead, r.RowsRejected,
        r.ReportJson is null ? null : JsonDocument.Parse(r.ReportJson).RootElement.Clone(), r.Error);

    public static QuarantineRow Of(QuarantinedRow r) => new(r.Id, r.Source, r.Origin, r.Line, r.Entity, r.Reason, r.Raw, r.RunId, r.QuarantinedAt);
}
