using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Data;

/// <summary>The latest imports of the shop's data and the rows waiting in quarantine, for the catalogue team.</summary>
public sealed class ImportsModel(IImportStore imports) : PageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];

    public IReadOnlyList<QuarantinedRow> Quarantine { get; private set; } = [];

    public long QuarantineTotal { get; private set; }

    /// <summary>Only this source, when the page is filtered.</summary>
    public string? Source { get; private set; }

    /// <summary>Where the next page of the quarantine starts, when there is one.</summary>
    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(string? source, long? before, CancellationToken ct)
    {
        Source = string.IsNullOrWhiteSpace(source) ? null : source;
        Runs = await imports.ListRunsAsync(Source, 30, ct);
        Quarantine = await imports.ListQuarantineAsync(Source, PageSize, before, ct);
        QuarantineTotal = await imports.CountQuarantineAsync(Source, ct);
        NextBefore = Quarantine.Count == PageSize ? Quarantine[^1].Id : null;
    }

    /// <summary>The raw values of a quarantined row in one line, the way they were in the file.</summary>
    public static string RawLine(QuarantinedRow row) =>
        string.Join("  ·  ", row.Raw.Select(p => $"{p.Key}={p.Value}"));
}
