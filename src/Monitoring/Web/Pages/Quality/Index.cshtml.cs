using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Access;
using Monitoring.Checks;
using Monitoring.Quality.Findings;
using Monitoring.Storage;

namespace Monitoring.Web.Pages.Quality;

/// <summary>
/// The catalogue team's work list: each domain's latest score with its grade distribution, and the findings filtered
/// by rule, severity, team and status, highest priority first. Acknowledging and ignoring are audited POSTs.
/// </summary>
public sealed class IndexModel(IQualityStore store, QualityViews views, AuditLog audit, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const int PageSize = 50;

    /// <summary>How long an ignore lasts when the form gives no date, and at most (the lifecycle's cap).</summary>
    public const int DefaultIgnoreDays = 90, MaxIgnoreDays = 180;

    /// <summary>The latest score of each domain.</summary>
    public IReadOnlyList<QualityScoreDay> Domains { get; private set; } = [];

    /// <summary>The last 30 days of scores, by domain, oldest first.</summary>
    public ILookup<string, QualityScoreDay> History { get; private set; } = Enumerable.Empty<QualityScoreDay>().ToLookup(d => d.Domain);

    public IReadOnlyList<FindingState> Findings { get; private set; } = [];

    public long Total { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Where a decision posted from a record's page goes back to (only a record's page is accepted).</summary>
    [BindProperty] public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> RuleIds => views.RuleIds;

    public IReadOnlyList<string> Teams => views.Teams;

    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string DefaultIgnoreUntil => time.GetUtcNow().AddDays(DefaultIgnoreDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = QualityEndpoints.Query(Rule, Severity, Team, Status, (PageNumber - 1) * PageSize, PageSize);
        Findings = await store.ListAsync(query, ct);
        Total = await store.CountAsync(query, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var history = await store.ListScoresAsync(today.AddDays(-30), ct);
        History = history.ToLookup(d => d.Domain);
        Domains = History.Select(g => g.Last()).OrderBy(d => d.Domain, StringComparer.Ordinal).ToList();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(string ruleId, string entity, string key, CancellationToken ct)
    {
        if (await store.GetAsync(ruleId, entity, key, ct) is not { } finding) return NotFound();
        if (finding.Status != FindingStatus.Open) return BackToList("only an open finding can be acknowledged");
        var who = AuditLog.ActorOf(User);
        await store.SetWorkflowAsync(FindingLifecycle.Acknowledge(finding, who), ct);
        logger.LogInformation("Finding {Rule} on {Entity} {Key} acknowledged by {Who}", ruleId, entity, key, who);
        await audit.RecordAsync(who, AuditActions.FindingAcknowledged, $"{ruleId} {entity} {key}", null, HttpContext, ct);
        return BackToList(null);
    }

    public async Task<IActionResult> OnPostIgnoreAsync(string ruleId, string entity, string key, string? reason, DateOnly? until, CancellationToken ct)
    {
        if (await store.GetAsync(ruleId, entity, key, ct) is not { } finding) return NotFound();
        if (string.IsNullOrWhiteSpace(reason)) return BackToList("an ignore needs a reason");
        if (finding.Status == FindingStatus.Resolved) return BackToList("a resolved finding cannot be ignored");
        var now = time.GetUtcNow();
        DateTimeOffset? end = until is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now.AddDays(DefaultIgnoreDays);
        if (end <= now) return BackToList("the ignore must end in the future");
        var ignored = FindingLifecycle.Ignore(finding, reason, now, end, MaxIgnoreDays);
        var who = AuditLog.ActorOf(User);
        await store.SetWorkflowAsync(ignored, ct);
        logger.LogInformation("Finding {Rule} on {Entity} {Key} ignored by {Who} until {Until:u}", ruleId, entity, key, who, ignored.IgnoredUntil);
        await audit.RecordAsync(who, AuditActions.FindingIgnored, $"{ruleId} {entity} {key}",
            $"until {ignored.IgnoredUntil:yyyy-MM-dd}: {ignored.IgnoreReason}", HttpContext, ct);
        return BackToList(null);
    }

    /// <summary>The list with the filters the form came from, and what went wrong if anything did.</summary>
    public string ListUrl(int? page = null, string? error = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["rule"] = Rule, ["severity"] = Severity, ["team"] = Team, ["status"] = Status,
            ["p"] = (page ?? PageNumber) > 1 ? (page ?? PageNumber).ToString(CultureInfo.InvariantCulture) : null, ["error"] = error,
        };
        var parts = query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        return "/quality" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    public string CsvUrl => ListUrl(1).Replace("/quality", "/quality/findings.csv", StringComparison.Ordinal);

    private RedirectResult BackToList(string? error)
    {
        if (ReturnUrl is { } back && back.StartsWith(QualityEndpoints.RecordPrefix, StringComparison.Ordinal) && Access.AccessServiceCollectionExtensions.IsLocalPath(back))
            return Redirect(error is null ? back : $"{back}{(back.Contains('?') ? '&' : '?')}error={Uri.EscapeDataString(error)}");
        return Redirect(ListUrl(error: error));
    }
}
