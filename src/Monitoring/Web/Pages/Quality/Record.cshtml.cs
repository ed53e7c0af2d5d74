using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Quality;

/// <summary>
/// One record's quality (a product by SKU, an account by number…): its current score, grade and dimension scores, every
/// finding it ever had with the evidence and workflow, and its grade history. Decisions post to the work list's
/// handlers, which come back here. Read from <see cref="QualityViews"/>, like <c>/api/quality/records/{entity}/{key}</c>.
/// </summary>
public sealed class RecordModel(QualityViews views, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Entity { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";

    /// <summary>Every finding of the record, unresolved ones first, then by priority.</summary>
    public IReadOnlyList<FindingState> Findings { get; private set; } = [];

    /// <summary>The record's scores as they changed, oldest first.</summary>
    public IReadOnlyList<RecordScorePoint> History { get; private set; } = [];

    /// <summary>The latest score, or null when no scan scored the record.</summary>
    public RecordScorePoint? Current => History.Count == 0 ? null : History[^1];

    public string DefaultIgnoreUntil => time.GetUtcNow().AddDays(IndexModel.DefaultIgnoreDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string RecordUrl => QualityEndpoints.RecordUrl(Entity, Key);

    public string ChartUrl => $"/quality/charts/record.svg?entity={Uri.EscapeDataString(Entity)}&key={Uri.EscapeDataString(Key)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await views.RecordAsync(Entity, Key, ct) is not { } view) return NotFound();
        (Findings, History) = (view.Findings, view.History);
        return Page();
    }

    /// <summary>The change of a history point against the one before it, as "+4.0" or "-12.5".</summary>
    public string Change(int index)
    {
        if (index == 0) return "first scan";
        var delta = History[index].Score - History[index - 1].Score;
        return delta == 0 ? "±0" : (delta > 0 ? "+" : "-") + Math.Abs(delta).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
