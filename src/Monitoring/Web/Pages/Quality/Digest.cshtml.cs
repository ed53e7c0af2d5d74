using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Checks;
using Monitoring.Quality.Digest;

namespace Monitoring.Web.Pages.Quality;

/// <summary>
/// A team's weekly digest as its email would say it, without sending anything: the recipients the alert routes give,
/// the subject, the HTML with the trend chart, and the plain-text alternative. By default the current ISO week's
/// digest, as it reads with what is known now (before its time, the one that will be sent next).
/// </summary>
public sealed class DigestModel(QualityDigestService digests, ActiveChecks checks, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }

    public IReadOnlyList<string> Teams => digests.Teams;

    public string? Error { get; private set; }

    public QualityDigest? Digest { get; private set; }

    public IReadOnlyList<string> Recipients { get; private set; } = [];

    public string? RouteName { get; private set; }

    public string Subject { get; private set; } = "";

    public string Html { get; private set; } = "";

    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Teams.Count == 0) { Error = "No quality rule names an owning team: there is no digest to show."; return Page(); }
        Team = string.IsNullOrWhiteSpace(Team) ? Teams[0] : Team.Trim();
        if (!Teams.Contains(Team, StringComparer.Ordinal)) return Refuse($"No quality rule is owned by team '{Team}' (teams: {string.Join(", ", Teams)}).");
        var schedule = digests.Schedule;
        DigestWeek week;
        if (string.IsNullOrWhiteSpace(Week)) week = schedule.Current(time.GetUtcNow());
        else if (DigestSchedule.TryParseWeek(Week.Trim(), out var year, out var number)) week = schedule.Of(year, number);
        else return Refuse($"'{Week}' is not an ISO week (write e.g. 2026-W48).");
        Week = week.Name;

        Digest = await digests.BuildAsync(Team, week, ct);
        var route = checks.Current.Alerts.Match(Team, "warning");
        Recipients = route?.To ?? [];
        RouteName = route?.Name;
        Subject = QualityDigestComposer.Subject(Digest);
        // The page shows the chart inline; the email carries the same PNG as a cid: attachment.
        Html = QualityDigestComposer.Html(Digest, schedule.Zone, "", "data:image/png;base64," + Convert.ToBase64String(QualityDigestComposer.Chart(Digest)));
        Text = QualityDigestComposer.Text(Digest, schedule.Zone, "");
        return Page();
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
